/**
 * The entity API in the sample's own code: a scheduled digest, a transactional service, an event consumer. Each is
 * shown in docs/entity-api.md.
 */
package io.sentro.sample.entities;
