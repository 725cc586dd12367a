package io.sentro.spring.it;

/**
 * Scenarios on {@link PlainApplication} with its API open to every caller ({@code permit-all}): the contract of the
 * API itself, without access control in the way.
 */
abstract class OpenApiScenarios extends DatabaseScenarios {

    @Override
    protected Class<?> application() {
        return PlainApplication.class;
    }

    @Override
    protected String[] properties() {
        return new String[] { "sentro.security.access.default=permit-all" };
    }
}
