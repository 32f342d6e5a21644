package be.loket.eligibility.internal;

import be.loket.eligibility.FactDefinition;
import be.loket.eligibility.FactType;
import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * The cel-java compiler declared with every fact (by its CEL type), every parameter (a double) and
 * every right's outcome (a bool), plus the standard runtime with unknown tracking. The standard runtime,
 * not the planner: in cel-java 0.13.1 the planner throws on {@code !x} when x is unknown.
 */
final class CelEnv {
    static final CelOptions OPTIONS = CelOptions.current().enableUnknownTracking(true).build();

    final CelCompiler compiler;
    final CelRuntime runtime;

    CelEnv(FactSchema schema, Parameters parameters) {
        CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS);
        for (int i = 0; i < schema.size(); i++) {
            FactDefinition d = schema.get(i);
            b.addVar(d.name(), celType(d.type()));
        }
        for (Parameters.Definition p : parameters.all()) {
            b.addVar(p.name(), SimpleType.DOUBLE);
        }
        compiler = b.build();
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
    }

    static CelType celType(FactType t) {
        switch (t) {
            case BOOLEAN: return SimpleType.BOOL;
            case MONEY:
            case NUMBER: return SimpleType.DOUBLE;
            case INTEGER: return SimpleType.INT;
            default: return SimpleType.STRING;
        }
    }
}
