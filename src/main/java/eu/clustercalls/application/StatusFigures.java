package eu.clustercalls.application;

import java.math.BigDecimal;

/** How many applications of a call have that status, and what they request together. */
public record StatusFigures(ApplicationStatus status, long count, BigDecimal requested) {
}
