package org.jmultiprocessing.spi.ship;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import org.jmultiprocessing.internal.ship.ShippedClassLoader;

/**
 * The receiving side of {@link Shipment}: a class loader that defines shipped notebook classes on demand and
 * reads shipped graphs through them. One receiver per sender (a notebook session) keeps one sender's classes
 * apart from another's; more shipments can be opened on it later, and new classes are added as they come.
 */
public final class Receiver {
    private final ShippedClassLoader loader;

    /**
     * @param classpath entries for the sender's jars (as {@link Shipment#classpath()}), resolved on this machine
     * @param parent    the loader that has kernel-lib and what every receiver shares
     */
    public Receiver(List<String> classpath, ClassLoader parent) {
        this.loader = new ShippedClassLoader(List.copyOf(classpath), Objects.requireNonNull(parent, "parent"));
    }

    /** The loader of the shipped classes: a task runs with it as its thread's context class loader. */
    public ClassLoader loader() {
        return loader;
    }

    /**
     * Defines the shipment's classes (a name already defined keeps its first definition), sets the notebook
     * variables it carries and returns its object graph.
     */
    public Object open(Shipment shipment) throws IOException, ClassNotFoundException {
        loader.add(shipment.classes());
        loader.restoreVariables(shipment.shipment().variables());
        return loader.deserialize(shipment.shipment().serialized());
    }
}
