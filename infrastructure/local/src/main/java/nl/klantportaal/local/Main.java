package nl.klantportaal.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Entry point of the start command. Problems the user can fix are printed as one message, exit code 2. */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    Path root = Path.of(System.getProperty("portal.root", ".")).toAbsolutePath().normalize();
    if (args.length == 2 && args[0].equals("code")) {
      try {
        System.out.println(DemoData.currentCode(Options.parse(root, new String[0]).stateDir(), args[1]));
      } catch (StartFailure e) {
        System.err.println(e.getMessage());
        System.exit(2);
      }
      return;
    }
    if (args.length >= 1 && args[0].equals("bootstrap-admin")) {
      try {
        System.exit(BootstrapAdminCommand.local(root, java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
      } catch (StartFailure e) {
        System.err.println(e.getMessage());
        System.exit(2);
      }
      return;
    }
    Options options;
    try {
      options = Options.parse(root, args);
    } catch (StartFailure e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (options.invoke().isPresent()) {
      System.exit(InvokeCommand.run(options));
      return;
    }
    LocalCloud cloud;
    try {
      cloud = LocalCloud.start(options);
    } catch (StartFailure e) {
      System.err.println("Cannot start the local cloud: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.print(cloud.summary());
    try {
      DemoData.seed(cloud).ifPresent(System.out::print);
    } catch (RuntimeException e) {
      cloud.close();
      throw e;
    }
    if (options.exitWhenReady()) {
      cloud.close();
      System.out.println("Local cloud was ready; stopped (--exit-when-ready).");
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping the local cloud");
      cloud.close();
      stopped.countDown();
    }, "local-cloud-shutdown"));
    System.out.println("Local cloud ready. Ctrl-C stops it.");
    stopped.await();
  }
}
