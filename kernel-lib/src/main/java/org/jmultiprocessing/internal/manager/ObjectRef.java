package org.jmultiprocessing.internal.manager;

import java.io.Serializable;

/**
 * One object a manager's server holds: the server's socket and the object's number there. What a proxy
 * carries when it travels to another process, which reconnects to the server with it.
 */
record ObjectRef(String address, long id) implements Serializable {
}
