package eu.clustercalls.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.organisation.ClusterOrganisation;
import eu.clustercalls.organisation.ClusterOrganisationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Executes grant payments as SEPA credit transfer files (pain.001.001.03) for the cluster's bank, once per reference:
 * a file left by an attempt whose database work failed is the same payment and is kept, not written again.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository payments;
    private final ClusterOrganisationService organisations;
    private final ClusterCallsProperties properties;
    private final Clock clock;

    PaymentService(PaymentRepository payments, ClusterOrganisationService organisations, ClusterCallsProperties properties,
            Clock clock) {
        this.payments = payments;
        this.organisations = organisations;
        this.properties = properties;
        this.clock = clock;
    }

    /** The payment of that reference, if it was executed. */
    @Transactional(readOnly = true)
    public Optional<Payment> find(String reference) {
        return payments.findByReference(reference);
    }

    @Transactional(readOnly = true)
    public Optional<Payment> ofClaim(Long claimId) {
        return payments.findByClaimId(claimId);
    }

    /** What was paid for each of these claims; claims not paid are left out. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> paidPerClaim(Collection<Long> claimIds) {
        return claimIds.isEmpty() ? Map.of() : payments.findByClaimIdIn(claimIds).stream()
                .collect(Collectors.toMap(Payment::getClaimId, Payment::getAmount));
    }

    /** Executes the order unless a payment with its reference exists; returns the payment either way. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Payment execute(PaymentOrder order) {
        Optional<Payment> done = payments.findByReference(order.reference());
        if (done.isPresent()) {
            return done.get();
        }
        if (order.verifiedBy().equals(order.approvedBy())) {
            throw new IllegalStateException("Payment " + order.reference() + " was verified and approved by the same person.");
        }
        ClusterOrganisation cluster = organisations.get(order.tenantId());
        if (!cluster.hasBankAccount()) {
            throw new IllegalStateException(cluster.getName() + " has no bank account recorded; an administrator must "
                    + "set it before grants can be paid. The payment job will try again.");
        }
        LocalDate executionDate = nextBankingDay(order.approvedOn());
        Path file = properties.paymentDirectory().resolve(order.tenantId()).resolve(order.reference() + ".xml");
        if (Files.exists(file)) {
            log.warn("Payment file {} exists from an earlier attempt; keeping it rather than paying twice", file);
        } else {
            write(file, SepaCreditTransferFile.write(new CreditTransfer(order.reference(),
                    OffsetDateTime.now(clock.withZone(properties.timeZone())).truncatedTo(ChronoUnit.SECONDS),
                    executionDate, cluster.getName(), cluster.getBankAccountName(), cluster.getIban(), cluster.getBic(),
                    order.creditorName(), order.creditorIban(), null, order.amount(), order.reference(), order.remittance())));
        }
        return payments.saveAndFlush(new Payment(order, executionDate, file.getFileName().toString(), clock.instant()));
    }

    /**
     * Anonymises the payee of a claim's payment, if it was paid; its transfer file, which names the payee and its
     * account, is deleted once the anonymisation is committed (the bank has long executed it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void anonymiseOfClaim(Long claimId, String creditorName) {
        payments.findByClaimId(claimId).ifPresent(payment -> {
            payment.anonymise(creditorName);
            Path file = fileOf(payment);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        log.warn("Could not delete the payment file {} of an anonymised company; delete it by hand",
                                file, e);
                    }
                }
            });
        });
    }

    /** Where the payment's credit transfer file is (gone once its company was anonymised). */
    public Path fileOf(Payment payment) {
        return properties.paymentDirectory().resolve(payment.getTenantId()).resolve(payment.getFileName());
    }

    /** The bank executes a transfer on a weekday: the first one after approval. */
    static LocalDate nextBankingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** Written next to its place and moved there, so the bank never picks up half a file. */
    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            Files.write(partial, content);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write payment file " + file, e);
        }
    }
}
