package rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import fixtures.bad.WritesFiles;
import fixtures.good.CleanServer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule, shown catching its known-bad fixture, so that no rule can silently stop firing. */
class RulesFireTest {
    private static final JavaClasses BAD = new ClassFileImporter().importPackages("fixtures.bad",
            "todo");
    private static final JavaClasses GOOD = new ClassFileImporter().importPackages("fixtures.good");

    static Stream<Arguments> rulesAndTheirFixtures() {
        return Stream.of(
                Arguments.of(FileAccessRules.onlyStorageTouchesFiles(), "WritesFiles"),
                Arguments.of(ConcurrencyRules.noJavaUtilConcurrent, "UsesLock"),
                Arguments.of(ConcurrencyRules.noSynchronizedMethods, "SynchronizedMethod"),
                Arguments.of(ConcurrencyRules.noWaitOrNotify, "WaitsOnAMonitor"),
                Arguments.of(SharedStateRules.staticFieldsAreFinal, "MutableStatic.counter"),
                Arguments.of(SharedStateRules.noStaticCollections, "MutableStatic.CACHE"),
                Arguments.of(SharedStateRules.callersChangeNoSharedField,
                        "CountingDatabase.stores is written in store"),
                Arguments.of(SharedStateRules.collectionFieldsAreFinal, "MapInAHandle.lists"),
                Arguments.of(MessageRules.messagesAreRecordsOfASealedProtocol,
                        "MutableMessage$Items.items"),
                Arguments.of(MessageRules.messagesAreRecordsOfASealedProtocol,
                        "MutableMessage$Carries.ping"),
                Arguments.of(MessageRules.messagesAreRecordsOfASealedProtocol,
                        "UnsealedProtocol$Ping is a message but not a record"),
                Arguments.of(CallbackRules.onlyTheRuntimeCallsCallbacks, "CallsCallback.peek"),
                Arguments.of(CallbackRules.serverStateLivesOnlyInTheProcess, "StateInAField.count"),
                Arguments.of(LayerRules.theToDoCoreIsPure, "fixtures.bad.TodoEntry"),
                Arguments.of(LayerRules.doesNotUseWhatItReplaced("todo.persistence..",
                        todo.TodoServer.class), "UsesTheOldServer"));
    }

    @ParameterizedTest
    @MethodSource("rulesAndTheirFixtures")
    void theRuleCatchesItsFixture(ArchRule rule, String fixture) {
        assertThatThrownBy(() -> rule.check(BAD)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(fixture);
    }

    @ParameterizedTest
    @MethodSource("rulesAndTheirFixtures")
    void aCleanServerPassesTheRule(ArchRule rule, String fixture) {
        // no violation is what is asked here: the clean server is not in a step's package
        rule.allowEmptyShould(true).check(GOOD);
    }

    @Test
    void aStepExemptsItsOwnPrograms() {
        FileAccessRules.onlyStorageTouchesFiles(WritesFiles.class).check(BAD);
    }

    @Test
    void aStepExemptsNothingButItsOwnPrograms() {
        assertThatThrownBy(
                () -> FileAccessRules.onlyStorageTouchesFiles(CleanServer.class).check(BAD))
                .hasMessageContaining("WritesFiles");
    }

    /** Each rule that may check nothing says so; the others fail on nothing, as ArchUnit's default. */
    @Test
    void onlyTheRulesThatSaySoPassWithNothingToCheck() {
        JavaClasses none = new ClassFileImporter().importClasses();

        SharedStateRules.staticFieldsAreFinal.check(none);
        SharedStateRules.callersChangeNoSharedField.check(none);
        MessageRules.messagesAreRecordsOfASealedProtocol.check(none);
        assertThatThrownBy(() -> ConcurrencyRules.noSynchronizedMethods.check(none))
                .hasMessageContaining("failed to check any classes");
        // a step that misspells its own package checks nothing, and hears of it
        assertThatThrownBy(() -> LayerRules
                .doesNotUseWhatItReplaced("todo.persistance..", todo.TodoServer.class).check(BAD))
                .hasMessageContaining("failed to check any classes");
        assertThatThrownBy(() -> ArchRuleDefinition.classes().that().haveSimpleName("NoSuchClass")
                .should().beRecords().check(none))
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void theSourceScanCatchesASynchronizedBlock() throws URISyntaxException {
        Path bad = Path.of(getClass().getResource("/fixtures/bad").toURI());

        assertThat(SourceRules.synchronizedBlocksIn(bad)).singleElement()
                .satisfies(file -> assertThat(file.getFileName().toString())
                        .isEqualTo("SynchronizedBlock.java"));
        assertThatThrownBy(() -> SourceRules.assertNoSynchronizedBlocks(bad))
                .hasMessageContaining("SynchronizedBlock.java");
    }

    @Test
    void theSourceScanFindsNothingInCleanSources() {
        // the compiled clean fixture's own source
        Path good = Path.of("src/test/java/fixtures/good");

        assertThat(SourceRules.synchronizedBlocksIn(good)).isEmpty();
    }
}
