/**
 * The app's blocking HTTP client of the flaky downstream, on Spring Boot's {@code RestClient} (with
 * Backon's HTTP layer in it, configured under {@code backon.http}) over the JDK client (which never
 * resends a request by itself for a status or a reset the downstream answers), failing with
 * Spring's {@code RestClientException} family, whose {@code Retry-After} the starter hands to every
 * Backon policy of the app; and what the scenarios record about their calls. The asynchronous
 * scenarios call Spring Boot's {@code WebClient} directly ({@code AsyncDownstreamService}).
 */
@NullMarked
package io.backon.sample.client;

import org.jspecify.annotations.NullMarked;
