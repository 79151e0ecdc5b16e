package io.shopstream.plans;

/**
 * One difference between a committed plan and the SQL's plan now.
 *
 * @param operator the operator, in words ({@code the 1-minute tumbling window aggregate per product_id})
 * @param what what changed about it
 * @param breaksState whether a savepoint of the running job can no longer be restored into it as it is
 */
public record Change(String operator, String what, boolean breaksState) {

    @Override
    public String toString() {
        return operator + ": " + what;
    }
}
