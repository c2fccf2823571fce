/**
 * The app's HTTP clients of the flaky downstream: a blocking one on Spring's {@code RestClient}
 * and an asynchronous one on the JDK {@code HttpClient}'s {@code sendAsync}, both over the JDK
 * client (which never resends a request by itself for a status or a reset the downstream
 * answers), both failing with Spring's {@code RestClientException} family, and the
 * {@code Retry-After} support every Backon policy of the app uses.
 */
@NullMarked
package io.backon.sample.client;

import org.jspecify.annotations.NullMarked;
