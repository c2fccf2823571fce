/**
 * Benchmark 5: annotated Spring beans, each library's annotation on the same method, in one plain
 * Spring context ({@link io.backon.benchmarks.spring.AnnotatedBeansConfiguration}).
 */
@NullMarked
package io.backon.benchmarks.spring;

import org.jspecify.annotations.NullMarked;
