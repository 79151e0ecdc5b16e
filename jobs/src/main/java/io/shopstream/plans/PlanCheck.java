package io.shopstream.plans;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.PipelineId;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.planning.ParallelPlanning;
import io.shopstream.variables.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Recompiles pipelines against each profile and compares each plan with the committed one: the work behind
 * {@code check} and {@code plan}.
 */
public final class PlanCheck {

    private final SqlBundle bundle;
    private final CommittedPlans plans;
    private final PlanCompiler compiler;

    public PlanCheck(SqlBundle bundle) {
        this.bundle = bundle;
        this.plans = CommittedPlans.of(bundle);
        this.compiler = new PlanCompiler(bundle);
    }

    public CommittedPlans plans() {
        return plans;
    }

    /**
     * One verdict per pipeline and profile, by pipeline then profile; with {@code orphans}, also one per committed plan
     * of those profiles that no pipeline (or no profile, when every profile is checked) stands behind.
     */
    public List<PlanVerdict> check(List<PipelineFile> pipelines, List<String> profiles, boolean orphans) {
        List<Callable<PlanVerdict>> checks = new ArrayList<>();
        for (PipelineFile pipeline : pipelines) {
            for (String profileName : profiles) {
                Profile profile = bundle.profile(profileName);
                checks.add(() -> check(pipeline, profile));
            }
        }
        List<PlanVerdict> verdicts = new ArrayList<>(ParallelPlanning.runAll("plan check", checks));
        if (orphans) {
            verdicts.addAll(orphans(profiles));
        }
        return verdicts;
    }

    private PlanVerdict check(PipelineFile pipeline, Profile profile) {
        PipelineId id = pipeline.id();
        ObjectNode recompiled = compiler.compile(pipeline, profile);
        String file = plans.display(id, profile.name());
        Optional<ObjectNode> committed = plans.parsed(id, profile.name());
        if (committed.isEmpty()) {
            return new PlanVerdict(PlanVerdict.Outcome.NO_PLAN, profile.name(), Optional.of(id), file,
                    Optional.empty(), Optional.of(PlanComparator.numbered(recompiled)), "");
        }
        PlanComparison comparison = PlanComparator.compare(committed.get(), recompiled);
        PlanVerdict.Outcome outcome = comparison.identical() ? PlanVerdict.Outcome.UP_TO_DATE
                : comparison.breaksState() ? PlanVerdict.Outcome.BREAKS_STATE : PlanVerdict.Outcome.KEEPS_STATE;
        return new PlanVerdict(outcome, profile.name(), Optional.of(id), file, Optional.of(comparison),
                Optional.of(recompiled), "");
    }

    private List<PlanVerdict> orphans(List<String> profiles) {
        Set<PipelineId> pipelines = bundle.pipelines().stream().map(PipelineFile::id).collect(Collectors.toSet());
        List<String> known = bundle.profileNames();
        boolean everyProfile = profiles.containsAll(known);
        List<PlanVerdict> orphans = new ArrayList<>();
        for (CommittedPlans.StoredPlan stored : plans.stored()) {
            String reason;
            if (!known.contains(stored.profile())) {
                if (!everyProfile) {
                    continue;
                }
                reason = "there is no profile " + stored.profile() + " (" + bundle.displayRoot() + "/profiles/"
                        + stored.profile() + ".properties)";
            } else if (!profiles.contains(stored.profile())) {
                continue;
            } else if (stored.pipeline().isEmpty()) {
                reason = "its name does not designate a pipeline version (" + PipelineId.fileNamePattern()
                        .replace(".sql", ".json") + ")";
            } else if (!pipelines.contains(stored.pipeline().get())) {
                reason = "there is no " + plans.pipelineFile(stored.pipeline().get());
            } else {
                continue;
            }
            orphans.add(new PlanVerdict(PlanVerdict.Outcome.NO_PIPELINE, stored.profile(), stored.pipeline(),
                    stored.display(), Optional.empty(), Optional.empty(), reason));
        }
        orphans.sort(Comparator.comparing(PlanVerdict::planFile));
        return orphans;
    }
}
