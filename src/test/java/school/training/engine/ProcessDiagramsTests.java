package school.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams under {@code processes/} are drawn for people, not only for the engine (issue 14):
 * what Camunda Modeler would show must be readable. bpmnlint (.ci/bpmnlint, run by .ci/run) checks
 * the BPMN rules and the Camunda 7 compatibility; this checks the layout it does not: every flow
 * drawn, at right angles, apart from the others and around the shapes, every label beside its
 * element, and a DRD for every decision table.
 */
class ProcessDiagramsTests {

    static final Path PROCESSES = Path.of("processes");
    /** What a modeler or the fluent builder makes up: sequenceFlow_1f0e…, Flow_0x1abcd, Gateway_1q2w3e4. */
    static final Pattern GENERATED_ID = Pattern.compile(
            "(?i)(sequenceFlow|flow|gateway|event|activity|task|startEvent|endEvent)_[0-9a-z]*[0-9][0-9a-z-]*");
    static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

    static Stream<Path> bpmnFiles() throws IOException {
        return files(".bpmn");
    }

    static Stream<Path> dmnFiles() throws IOException {
        return files(".dmn");
    }

    static Stream<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(PROCESSES)) {
            List<Path> found = walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
            assertThat(found).as("diagrams under %s", PROCESSES.toAbsolutePath()).isNotEmpty();
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyProcessIsDrawnSoItCanBeRead(Path file) throws IOException {
        BpmnModelInstance model;
        try (InputStream in = Files.newInputStream(file)) {
            model = Bpmn.readModelFromStream(in);
        }
        List<String> problems = new ArrayList<>();

        Map<String, Box> shapes = new LinkedHashMap<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            shapes.put(shape.getBpmnElement().getId(), Box.of(shape.getBounds()));
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.containsKey(node.getId())) {
                problems.add("no shape for " + node.getId());
            }
        }

        Map<String, List<Segment>> edges = new LinkedHashMap<>();
        Map<String, SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class).stream()
                .collect(Collectors.toMap(SequenceFlow::getId, Function.identity()));
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
            List<Segment> segments = new ArrayList<>();
            for (int i = 1; i < points.size(); i++) {
                segments.add(new Segment(points.get(i - 1).getX(), points.get(i - 1).getY(), points.get(i).getX(),
                        points.get(i).getY()));
            }
            edges.put(edge.getBpmnElement().getId(), segments);
        }
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            if (element.getId() != null && GENERATED_ID.matcher(element.getId()).matches()) {
                problems.add("a generated id: " + element.getId());
            }
        }
        for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
            if (gateway instanceof ParallelGateway || gateway.getOutgoing().size() < 2) {
                continue;
            }
            for (SequenceFlow way : gateway.getOutgoing()) {
                if (way.getName() == null || way.getName().isBlank()) {
                    problems.add("a way out of " + gateway.getId() + " without a name: " + way.getId());
                }
            }
        }
        for (SequenceFlow flow : flows.values()) {
            List<Segment> segments = edges.get(flow.getId());
            if (segments == null || segments.isEmpty()) {
                problems.add("flow " + flow.getId() + " has no edge with two waypoints or more");
                continue;
            }
            String source = flow.getSource().getId(), target = flow.getTarget().getId();
            for (Segment s : segments) {
                if (!s.horizontal() && !s.vertical()) {
                    problems.add("flow " + flow.getId() + " has a slanted segment " + s);
                }
                shapes.forEach((element, box) -> {
                    if (!element.equals(source) && !element.equals(target) && s.crosses(box.shrunk(1))) {
                        problems.add("flow " + flow.getId() + " crosses " + element);
                    }
                });
            }
        }
        List<String> edgeIds = new ArrayList<>(edges.keySet());
        for (int i = 0; i < edgeIds.size(); i++) {
            for (int j = i + 1; j < edgeIds.size(); j++) {
                for (Segment a : edges.get(edgeIds.get(i))) {
                    for (Segment b : edges.get(edgeIds.get(j))) {
                        if (a.sharesLineWith(b)) {
                            problems.add("flows " + edgeIds.get(i) + " and " + edgeIds.get(j) + " share " + a);
                        }
                    }
                }
            }
        }

        Map<String, Box> labels = new LinkedHashMap<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            label(shape.getBpmnLabel()).ifPresent(b -> labels.put(shape.getBpmnElement().getId(), b));
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            label(edge.getBpmnLabel()).ifPresent(b -> labels.put(edge.getBpmnElement().getId(), b));
        }
        for (BaseElement named : model.getModelElementsByType(BaseElement.class)) {
            boolean outside = named instanceof SequenceFlow || named instanceof Event
                    || named instanceof Gateway;
            String name = named.getAttributeValue("name");
            if (outside && name != null && !name.isBlank() && !labels.containsKey(named.getId())) {
                problems.add("no label placed for " + named.getId() + " (\"" + name + "\")");
            }
        }
        List<String> labelled = new ArrayList<>(labels.keySet());
        for (int i = 0; i < labelled.size(); i++) {
            Box label = labels.get(labelled.get(i));
            for (var shape : shapes.entrySet()) {
                if (label.overlaps(shape.getValue())) {
                    problems.add("the label of " + labelled.get(i) + " lies on " + shape.getKey());
                }
            }
            for (int j = i + 1; j < labelled.size(); j++) {
                if (label.overlaps(labels.get(labelled.get(j)))) {
                    problems.add("the labels of " + labelled.get(i) + " and " + labelled.get(j) + " overlap");
                }
            }
        }

        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dmnFiles")
    void everyDecisionHasAShapeInTheRequirementsDiagram(Path file) throws IOException {
        DmnModelInstance model;
        try (InputStream in = Files.newInputStream(file)) {
            model = Dmn.readModelFromStream(in);
        }
        Set<String> drawn = new HashSet<>();
        for (DomElement di : model.getDocument().getRootElement().getChildElementsByNameNs(DMNDI, "DMNDI")) {
            for (DomElement diagram : di.getChildElementsByNameNs(DMNDI, "DMNDiagram")) {
                for (DomElement shape : diagram.getChildElementsByNameNs(DMNDI, "DMNShape")) {
                    drawn.add(shape.getAttribute("dmnElementRef"));
                }
            }
        }
        Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
        assertThat(decisions).as(file.toString()).isNotEmpty();
        assertThat(drawn).as("decisions with a DMNShape in " + file)
                .containsAll(decisions.stream().map(Decision::getId).toList());
    }

    /** The npm lint of .ci/run, here too when a developer has installed it (npm ci --prefix .ci/bpmnlint). */
    @Test
    void bpmnlintFindsNothing() throws Exception {
        Path lint = Path.of(".ci", "bpmnlint");
        assumeTrue(Files.isDirectory(lint.resolve("node_modules")),
                "bpmnlint is not installed: npm ci --prefix .ci/bpmnlint");
        Process run = new ProcessBuilder("npm", "run", "--silent", "lint").directory(lint.toFile())
                .redirectErrorStream(true).start();
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("bpmnlint finished within two minutes").isTrue();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(output).isZero();
    }

    static Optional<Box> label(BpmnLabel label) {
        return label == null || label.getBounds() == null ? Optional.empty()
                : Optional.of(Box.of(label.getBounds()));
    }

    record Box(double x, double y, double width, double height) {
        static Box of(Bounds b) {
            return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
        }

        Box shrunk(double by) {
            return new Box(x + by, y + by, width - 2 * by, height - 2 * by);
        }

        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    record Segment(double x1, double y1, double x2, double y2) {
        boolean horizontal() {
            return y1 == y2;
        }

        boolean vertical() {
            return x1 == x2;
        }

        /** Touches the inside of the box (an axis-parallel segment; a slanted one is reported apart). */
        boolean crosses(Box b) {
            return Math.min(x1, x2) < b.x() + b.width() && b.x() < Math.max(x1, x2)
                    && Math.min(y1, y2) < b.y() + b.height() && b.y() < Math.max(y1, y2)
                    || horizontal() && b.y() < y1 && y1 < b.y() + b.height()
                            && Math.min(x1, x2) < b.x() + b.width() && b.x() < Math.max(x1, x2)
                    || vertical() && b.x() < x1 && x1 < b.x() + b.width()
                            && Math.min(y1, y2) < b.y() + b.height() && b.y() < Math.max(y1, y2);
        }

        /** Both on one horizontal or vertical line and overlapping by more than a point. */
        boolean sharesLineWith(Segment o) {
            if (horizontal() && o.horizontal() && y1 == o.y1) {
                return overlap(x1, x2, o.x1, o.x2) > 0.5;
            }
            if (vertical() && o.vertical() && x1 == o.x1) {
                return overlap(y1, y2, o.y1, o.y2) > 0.5;
            }
            return false;
        }

        static double overlap(double a1, double a2, double b1, double b2) {
            return Math.min(Math.max(a1, a2), Math.max(b1, b2)) - Math.max(Math.min(a1, a2), Math.min(b1, b2));
        }

        @Override
        public String toString() {
            return "(" + x1 + "," + y1 + ")-(" + x2 + "," + y2 + ")";
        }
    }
}
