package io.backon.testfixtures;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A property: a {@link ParameterizedTest} run once per case of its {@code @MethodSource}, which
 * returns {@link SeededCases#of}. Each case is named by its index and arguments; a failure names
 * the case and the seed in its message (see {@link FailingCaseReport}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "[{index}] {argumentsWithNames}")
@ExtendWith(FailingCaseReport.class)
public @interface Property {}
