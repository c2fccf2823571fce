package io.backon.spring.boot.autoconfigure;

import static io.backon.spring.boot.autoconfigure.BadConfig.bad;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.*;

import io.backon.RetryPolicy;
import io.backon.spring.boot.autoconfigure.BadlyAnnotatedBeans.*;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Annotated methods Backon cannot wrap: beans created after the startup, fallbacks that do not fit,
 * methods a proxy cannot reach and return types Backon does not support. Part of the corpus of
 * {@link BadConfigurationCorpusTest}.
 */
class AnnotatedMethodsCorpusTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
    BadConfig.stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(bad);
  }

  static Stream<Named<BadConfig>> cases() {
    return Stream.of(
        // beans created after the startup (lazy, prototype) are checked at the startup all the
        // same
        bad("an unknown policy in a lazy bean")
            .with(
                r ->
                    r.withBean(
                        UnknownPolicy.class,
                        UnknownPolicy::new,
                        definition -> definition.setLazyInit(true)))
            .fails(
                UNKNOWN_POLICY,
                "@Backon(value) on UnknownPolicy.call()",
                "no retry policy named 'nope'",
                "define backon.policies.nope or a RetryPolicy bean named 'nope'"),
        bad("a missing fallback in a prototype bean")
            .with(
                r ->
                    r.withBean(
                        MissingFallback.class,
                        MissingFallback::new,
                        definition -> definition.setScope("prototype")))
            .fails(
                FALLBACK_NOT_FOUND,
                "@Backon(fallback) on MissingFallback.call(String)",
                "the fallback method 'recover' does not exist",
                "add a method String recover(String)"),
        bad("@Backon on a final method of a lazy bean")
            .with(
                r ->
                    r.withBean(
                        FinalMethod.class,
                        FinalMethod::new,
                        definition -> definition.setLazyInit(true)))
            .fails(
                UNPROXYABLE_METHOD,
                "@Backon on FinalMethod.call()",
                "the method is final",
                "make the method non-final (public or protected), or remove @Backon from it"),
        bad("a fallback method that does not exist")
            .withBean(MissingFallback.class)
            .fails(
                FALLBACK_NOT_FOUND,
                "@Backon(fallback) on MissingFallback.call(String)",
                "the fallback method 'recover' does not exist",
                "add a method String recover(String) or String recover(String, Throwable failure)"),
        bad("a fallback with the wrong return type")
            .withBean(FallbackReturnsWrongType.class)
            .fails(
                FALLBACK_SIGNATURE,
                "@Backon(fallback) on FallbackReturnsWrongType.call(String)",
                "found Integer recover(String)",
                "declare it as String recover(String)"),
        bad("a fallback with the wrong parameters")
            .withBean(FallbackTakesWrongParameters.class)
            .fails(
                FALLBACK_SIGNATURE,
                "@Backon(fallback) on FallbackTakesWrongParameters.call(String)",
                "found String recover(int, IOException)",
                "declare it as String recover(String)"),
        bad("two fallback methods that both fit")
            .withBean(TwoFittingFallbacks.class)
            .fails(
                FALLBACK_SIGNATURE,
                "@Backon(fallback) on TwoFittingFallbacks.call(String)",
                "2 methods named 'recover' fit: String recover(String, FileNotFoundException), "
                    + "String recover(String, IllegalStateException); Backon calls exactly one fallback",
                "keep one method named recover (it may take a Throwable and check its type), or rename the others"),
        bad("@Backon on a final method")
            .withBean(FinalMethod.class)
            .fails(
                UNPROXYABLE_METHOD,
                "@Backon on FinalMethod.call()",
                "the method is final",
                "make the method non-final (public or protected), or remove @Backon from it"),
        bad("a final method under a class-level @Backon")
            .withBean(ClassLevelAnnotationWithFinalMethod.class)
            .fails(
                UNPROXYABLE_METHOD,
                "@Backon on ClassLevelAnnotationWithFinalMethod.helper()",
                "the method is final",
                "move @Backon from the class ClassLevelAnnotationWithFinalMethod to the methods that should retry"),
        bad("@Backon in a final class")
            .withBean(FinalClass.class)
            .fails(
                UNPROXYABLE_METHOD,
                "@Backon on FinalClass.call()",
                "BadlyAnnotatedBeans$FinalClass is final",
                "make the class non-final"),
        bad("@Backon in a record")
            .with(r -> r.withBean(RecordBean.class, () -> new RecordBean("x")))
            .fails(
                UNPROXYABLE_METHOD,
                "@Backon on RecordBean.call()",
                "BadlyAnnotatedBeans$RecordBean is final",
                "make the class non-final"),
        bad("@Backon in a private class")
            .withBean(BadlyAnnotatedBeans.PRIVATE_CLASS)
            .fails(
                UNPROXYABLE_METHOD,
                "@Backon on PrivateClass.call()",
                "BadlyAnnotatedBeans$PrivateClass is private",
                "not private"),
        bad("@Backon on a private method")
            .withBean(PrivateMethod.class)
            .fails(
                UNPROXYABLE_METHOD,
                "@Backon on PrivateMethod.call()",
                "the method is private",
                "make the method non-private"),
        bad("@Backon on a static method")
            .withBean(StaticMethod.class)
            .fails(
                UNPROXYABLE_METHOD,
                "@Backon on StaticMethod.call()",
                "the method is static",
                "make the method non-static"),
        bad("a hedged Flux from the annotation")
            .withBean(HedgedFlux.class)
            .given("backon.max-hedges-includes-first=true")
            .fails(
                UNSUPPORTED_RETURN_TYPE,
                "@Backon on HedgedFlux.stream()",
                "a Flux cannot be hedged",
                "turn hedging off for this method"),
        bad("a Flux under a hedging policy from properties")
            .withBean(FluxUnderHedgingPolicy.class)
            .given(
                "backon.max-hedges-includes-first=true",
                "backon.policies.hedged.hedging.max-hedges=2")
            .fails(
                UNSUPPORTED_RETURN_TYPE,
                "@Backon on FluxUnderHedgingPolicy.stream()",
                "its policy 'hedged' hedges",
                "or return a Mono"),
        bad("a Future return type that is not a CompletionStage")
            .withBean(PlainFutureType.class)
            .fails(
                UNSUPPORTED_RETURN_TYPE,
                "@Backon on PlainFutureType.call()",
                "java.util.concurrent.Future completes after the method returned, and Backon cannot see its failure",
                "declare the method to return CompletionStage or CompletableFuture"),
        bad("a Publisher return type that is neither Mono nor Flux")
            .withBean(PlainPublisherType.class)
            .fails(
                UNSUPPORTED_RETURN_TYPE,
                "@Backon on PlainPublisherType.call()",
                "org.reactivestreams.Publisher completes after the method returned, and Backon cannot see its failure",
                "declare the method to return Mono or Flux"),
        bad("retryIf on a void method")
            .withBean(RetryIfOnVoid.class)
            .fails(
                UNSUPPORTED_RETURN_TYPE,
                "@Backon(retryIf) on RetryIfOnVoid.call()",
                "the method returns no value, so the result condition set by @Backon(retryIf) on RetryIfOnVoid.call()"
                    + " sees null on every successful call",
                "remove retryIf from the annotation, or return the value the condition should check"),
        bad("a void method under a policy with retry-if")
            .withBean(VoidUnderResultPolicy.class)
            .given("backon.policies.checked.retry-if=#result == null")
            .fails(
                UNSUPPORTED_RETURN_TYPE,
                "@Backon on VoidUnderResultPolicy.call()",
                "the result condition set by backon.policies.checked.retry-if sees null on every successful call",
                "give the method a policy without retry-if (backon.policies.checked.retry-if applies to every method"
                    + " of the policy 'checked')"),
        bad("a Mono<Void> method under a RetryPolicy bean that retries null")
            .withBean(MonoOfVoidUnderResultBean.class)
            .with(
                r ->
                    r.withBean(
                        "nullRetrying",
                        RetryPolicy.class,
                        () ->
                            RetryPolicy.builder()
                                .name("nullRetrying")
                                .retryIfResult(Objects::isNull)
                                .build()))
            .fails(
                UNSUPPORTED_RETURN_TYPE,
                "@Backon on MonoOfVoidUnderResultBean.call()",
                "the retry condition of the RetryPolicy bean 'nullRetrying' retries a null result",
                "give the method a policy whose retry condition does not check results"),
        bad("retryIf on a Flux method")
            .withBean(RetryIfOnFlux.class)
            .fails(
                UNSUPPORTED_RETURN_TYPE,
                "@Backon(retryIf) on RetryIfOnFlux.stream()",
                "whose elements are not checked by retry-if (only errors are retried)",
                "remove retryIf from the annotation, or return a Mono (e.g. collectList())"),
        bad("a Flux method under a policy with retry-if")
            .withBean(FluxUnderResultPolicy.class)
            .given("backon.policies.checked.retry-if=#result == null")
            .fails(
                UNSUPPORTED_RETURN_TYPE,
                "@Backon on FluxUnderResultPolicy.stream()",
                "so the condition set by backon.policies.checked.retry-if would be ignored",
                "give the method a policy without retry-if"),
        bad("a CompletionStage subtype return type")
            .withBean(CustomFutureType.class)
            .fails(
                UNSUPPORTED_RETURN_TYPE,
                "@Backon on CustomFutureType.call()",
                "is a CompletionStage subtype Backon cannot create",
                "return CompletionStage or CompletableFuture"));
  }
}
