// Runs EPUBCheck on several EPUBs in one JVM (the command line takes only one
// file, and starting the JVM and loading the schemas is most of the time).
// Usage: java -cp epubcheck.jar EpubCheckMany.java BOOK.epub REPORT.json [BOOK.epub REPORT.json ...]
// Writes each book's JSON report to the path after it; exits 1 if any book
// had messages of severity FATAL, ERROR or WARNING, 2 on a usage error.
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckMany {
    public static void main(String[] args) {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: EpubCheckMany BOOK.epub REPORT.json [BOOK.epub REPORT.json ...]");
            System.exit(2);
        }
        int worst = 0;
        for (int i = 0; i < args.length; i += 2) {
            int code = new EpubChecker().run(
                new String[] {args[i], "--json", args[i + 1], "--failonwarnings", "-q"});
            worst = Math.max(worst, code == 0 ? 0 : 1);
        }
        System.exit(worst);
    }
}
