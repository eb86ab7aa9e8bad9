package eu.clustercalls.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of addresses a person opens from a staff screen (a form's link, a Cockpit tab): what it cannot find is
 * answered as a plain sentence to read in the browser, not as a JSON problem document.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface StaffLink {
}
