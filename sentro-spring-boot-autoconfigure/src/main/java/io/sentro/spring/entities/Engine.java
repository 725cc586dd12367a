package io.sentro.spring.entities;

import io.sentro.spring.pipeline.ActionRunner;
import io.sentro.spring.pipeline.CustomizerRegistry;
import io.sentro.spring.pipeline.ExportRunner;
import io.sentro.spring.pipeline.OperationRunner;
import io.sentro.spring.pipeline.WriteRunner;
import io.sentro.spring.schema.SchemaModel;
import io.sentro.spring.security.AccessPolicy;

/**
 * The engine of one schema generation, as the entity API calls it: the model, the tables' pipelines and access
 * rules, and the runners of reads, writes, actions and streams. The REST API calls the same objects.
 */
public record Engine(SchemaModel model, CustomizerRegistry registry, AccessPolicy access, OperationRunner reads,
        WriteRunner writes, ActionRunner actions, ExportRunner exports) {
}
