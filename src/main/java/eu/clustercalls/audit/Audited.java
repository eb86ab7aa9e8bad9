package eu.clustercalls.audit;

/** An entity whose decisions are audited. */
public interface Audited {

    String auditType();

    String auditId();

    String tenantId();
}
