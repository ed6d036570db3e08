/**
 * The facts the rule files reason about. They are plain immutable classes with getters, the shape
 * Drools' executable model reads; requests are turned into them by {@code io.simbundle.rules}.
 */
package io.simbundle.rules.fact;
