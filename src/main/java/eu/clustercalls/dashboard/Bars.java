package eu.clustercalls.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A horizontal bar chart drawn as SVG by the template: each figure's bar is as long as its share of the largest. */
record Bars(List<Bar> bars) {

    /** The longest bar, in the units of the SVG's viewBox. */
    static final int LENGTH = 140;
    /** Height of a row of the chart. */
    static final int ROW = 28;

    /** @param display the value as the reader reads it; y the top of its row */
    record Bar(String key, String display, int length, int y) {
    }

    static <T extends Number> Bars of(Map<String, T> figures, Function<T, String> display) {
        BigDecimal largest = figures.values().stream().map(Bars::decimal).reduce(BigDecimal.ZERO, BigDecimal::max);
        List<String> keys = List.copyOf(figures.keySet());
        return new Bars(keys.stream().map(key -> {
            BigDecimal value = decimal(figures.get(key)).max(BigDecimal.ZERO);
            int length = largest.signum() == 0 ? 0
                    : value.multiply(BigDecimal.valueOf(LENGTH)).divide(largest, 0, RoundingMode.HALF_UP).intValue();
            return new Bar(key, display.apply(figures.get(key)), length, keys.indexOf(key) * ROW);
        }).toList());
    }

    /** The height of the whole chart. */
    public int height() {
        return bars.size() * ROW;
    }

    private static BigDecimal decimal(Number value) {
        return value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(value.longValue());
    }
}
