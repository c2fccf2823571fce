/**
 * HTTP rules that need no HTTP library: reading a {@code Retry-After} header ({@link
 * io.backon.http.RetryAfter}). Client integrations (Spring's {@code RestClient}, {@code WebClient})
 * live in the Spring Boot starter.
 */
@NullMarked
package io.backon.http;

import org.jspecify.annotations.NullMarked;
