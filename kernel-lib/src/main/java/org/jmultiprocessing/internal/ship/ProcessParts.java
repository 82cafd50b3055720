package org.jmultiprocessing.internal.ship;

import java.io.Serializable;

/** What a {@code Process} carries into its child: see {@link PlainShipment}. */
public record ProcessParts(String name, boolean daemon, int[] identity, Serializable target, Object[] args) {
}
