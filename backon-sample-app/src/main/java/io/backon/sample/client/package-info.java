/**
 * The app's HTTP clients of the flaky downstream: a blocking one on Spring Boot's {@code
 * RestClient} (with Backon's HTTP layer in it, configured under {@code backon.http}) and an
 * asynchronous one on the JDK {@code HttpClient}'s {@code sendAsync}, both over the JDK client
 * (which never resends a request by itself for a status or a reset the downstream answers), both
 * failing with Spring's {@code RestClientException} family, whose {@code Retry-After} the starter
 * hands to every Backon policy of the app.
 */
@NullMarked
package io.backon.sample.client;

import org.jspecify.annotations.NullMarked;
