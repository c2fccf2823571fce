import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Mutation score per package from a PIT {@code mutations.xml}, as a Markdown table.
 *
 * <p>Run with the JDK's single-file launcher (Java 17+, no dependencies):
 *
 * <pre>
 * java .ci/MutationScores.java backon-core/target/pit-reports/mutations.xml \
 *     [--min 90] [--packages breaker,budget,io.backon] [--survivors]
 * </pre>
 *
 * <p>Score = killed / all mutations (uncovered ones included); test strength = killed / covered
 * mutations. A mutation counts as killed when PIT detected it (killed, timed out, memory or run
 * error). {@code --packages} names the packages that must reach {@code --min} percent (a name
 * without a dot is the last segment of the package, e.g. {@code stop} for {@code
 * io.backon.stop}); each of them must also appear in the report. Without {@code --packages} every
 * package in the report must reach the minimum. {@code --survivors} lists every mutation that
 * survived or had no coverage.
 *
 * <p>Exit status: 0 when every named package reaches the minimum, 1 when one does not or is
 * missing from the report, 2 on a usage or input error.
 */
public final class MutationScores {

  private MutationScores() {}

  /** Counts of one package. */
  private static final class Tally {
    int mutations;
    int killed;
    int noCoverage;
    final List<String> survivors = new ArrayList<>();

    double score() {
      return mutations == 0 ? 100.0 : 100.0 * killed / mutations;
    }

    double testStrength() {
      int covered = mutations - noCoverage;
      return covered == 0 ? 100.0 : 100.0 * killed / covered;
    }
  }

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (IllegalArgumentException
        | IOException
        | SAXException
        | ParserConfigurationException e) {
      System.err.println("MutationScores: " + e.getMessage());
      System.err.println(
          "usage: java .ci/MutationScores.java <mutations.xml> [--min <percent>]"
              + " [--packages a,b,c] [--survivors]");
      System.exit(2);
    }
  }

  private static int run(String[] args)
      throws IOException, SAXException, ParserConfigurationException {
    String report = null;
    double min = 0;
    Set<String> required = new LinkedHashSet<>();
    boolean survivors = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--min" -> min = Double.parseDouble(value(args, ++i, "--min"));
        case "--packages" ->
            required.addAll(Arrays.asList(value(args, ++i, "--packages").split(",")));
        case "--survivors" -> survivors = true;
        default -> {
          if (args[i].startsWith("--") || report != null) {
            throw new IllegalArgumentException("unexpected argument " + args[i]);
          }
          report = args[i];
        }
      }
    }
    if (report == null) {
      throw new IllegalArgumentException("no mutations.xml given");
    }
    required.removeIf(String::isBlank);
    Map<String, Tally> tallies = read(new File(report));
    if (required.isEmpty()) {
      required.addAll(tallies.keySet());
    }
    print(tallies, required, min, survivors);
    return verdict(tallies, required, min);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static Map<String, Tally> read(File report)
      throws IOException, SAXException, ParserConfigurationException {
    if (!report.isFile()) {
      throw new IOException(report + " does not exist; run PIT first (.ci/mutation)");
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    NodeList mutations =
        factory.newDocumentBuilder().parse(report).getElementsByTagName("mutation");
    Map<String, Tally> tallies = new TreeMap<>();
    for (int i = 0; i < mutations.getLength(); i++) {
      Element mutation = (Element) mutations.item(i);
      String mutatedClass = text(mutation, "mutatedClass");
      int dot = mutatedClass.lastIndexOf('.');
      String pkg = dot < 0 ? "(default)" : mutatedClass.substring(0, dot);
      Tally tally = tallies.computeIfAbsent(pkg, p -> new Tally());
      tally.mutations++;
      String status = mutation.getAttribute("status");
      if ("true".equals(mutation.getAttribute("detected"))) {
        tally.killed++;
        continue;
      }
      if ("NO_COVERAGE".equals(status)) {
        tally.noCoverage++;
      }
      tally.survivors.add(
          String.format(
              Locale.ROOT,
              "%s %s:%s %s() %s",
              status,
              mutatedClass.substring(dot + 1),
              text(mutation, "lineNumber"),
              text(mutation, "mutatedMethod"),
              text(mutation, "description")));
    }
    return tallies;
  }

  private static String text(Element mutation, String tag) {
    NodeList nodes = mutation.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  private static void print(
      Map<String, Tally> tallies, Set<String> required, double min, boolean survivors) {
    System.out.println("| Package | Mutations | Killed | No coverage | Score | Test strength |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    Tally total = new Tally();
    tallies.forEach(
        (pkg, t) -> {
          String mark =
              isRequired(pkg, required) && t.score() < min ? " **below " + fmt(min) + "**" : "";
          System.out.printf(
              Locale.ROOT,
              "| %s | %d | %d | %d | %s %%%s | %s %% |%n",
              pkg,
              t.mutations,
              t.killed,
              t.noCoverage,
              fmt(t.score()),
              mark,
              fmt(t.testStrength()));
          total.mutations += t.mutations;
          total.killed += t.killed;
          total.noCoverage += t.noCoverage;
        });
    System.out.printf(
        Locale.ROOT,
        "| **all** | %d | %d | %d | %s %% | %s %% |%n",
        total.mutations,
        total.killed,
        total.noCoverage,
        fmt(total.score()),
        fmt(total.testStrength()));
    if (survivors) {
      tallies.forEach(
          (pkg, t) -> {
            if (!t.survivors.isEmpty()) {
              System.out.println();
              System.out.println(pkg + ":");
              t.survivors.forEach(s -> System.out.println("  " + s));
            }
          });
    }
  }

  private static int verdict(Map<String, Tally> tallies, Set<String> required, double min) {
    int status = 0;
    for (String name : required) {
      List<String> matches =
          tallies.keySet().stream().filter(pkg -> matches(pkg, name)).toList();
      if (matches.isEmpty()) {
        System.err.println("package " + name + " is not in the report (no mutations measured)");
        status = 1;
      }
      for (String pkg : matches) {
        if (tallies.get(pkg).score() < min) {
          System.err.printf(
              Locale.ROOT,
              "package %s: mutation score %s %% is below %s %%%n",
              pkg,
              fmt(tallies.get(pkg).score()),
              fmt(min));
          status = 1;
        }
      }
    }
    return status;
  }

  private static boolean isRequired(String pkg, Set<String> required) {
    return required.stream().anyMatch(name -> matches(pkg, name));
  }

  private static boolean matches(String pkg, String name) {
    return name.contains(".") ? pkg.equals(name) : pkg.endsWith("." + name);
  }

  private static String fmt(double percent) {
    return String.format(Locale.ROOT, "%.1f", percent);
  }
}
