package nl.klantportaal.local;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nl.klantportaal.template.Intrinsics;
import nl.klantportaal.template.SamTemplate;
import nl.klantportaal.template.Yamls;

/**
 * A fake of SES event publishing (aws-ses-v2-local has none), read from the template: each enabled
 * {@code AWS::SES::ConfigurationSetEventDestination} with an {@code SnsDestination}, its
 * configuration set and {@code MatchingEventTypes}, and the functions subscribed to that topic
 * (SAM {@code SNS} events, {@code AWS::SNS::Subscription} with protocol {@code lambda}). A send
 * with that configuration set to the mailbox simulator's {@code bounce@} or {@code complaint@}
 * address publishes SES's Bounce (Permanent) or Complaint record to the topic, which invokes each
 * subscriber asynchronously as SNS does (the function's retries, then a dead letter). Other
 * addresses, other event types (Send, Delivery, ...) and sends without such a configuration set
 * publish nothing.
 */
final class SesEventPublishing implements Consumer<SesFront.SentMail> {

  /** One event destination: sends with {@code configurationSet} publish {@code eventTypes} to {@code topicArn}. */
  record Destination(String name, String configurationSet, Set<String> eventTypes, String topicArn) {}

  /** A function subscribed to a topic. */
  record Subscription(String topicArn, String function) {}

  private final List<Destination> destinations;
  private final List<Subscription> subscriptions;
  private final FunctionCatalog functions;
  private final AsyncInvocations async;

  SesEventPublishing(SamTemplate template, Intrinsics intrinsics, FunctionCatalog functions, AsyncInvocations async) {
    this.functions = functions;
    this.async = async;
    List<Destination> found = new ArrayList<>();
    for (SamTemplate.Resource resource : template.resourcesOfType("AWS::SES::ConfigurationSetEventDestination")) {
      Map<String, Object> properties = Yamls.map(intrinsics.resolve(resource.properties()));
      Map<String, Object> destination = Yamls.map(properties.get("EventDestination"));
      if (Yamls.string(destination.get("Enabled")).equals("false")) {
        continue;
      }
      String name = Yamls.string(destination.getOrDefault("Name", resource.logicalId()));
      Map<String, Object> sns = Yamls.map(destination.get("SnsDestination"));
      if (sns.isEmpty()) {
        System.out.println("Note: SES event destination " + name + " is not SNS; the local cloud publishes to SNS destinations only");
        continue;
      }
      found.add(new Destination(name, Yamls.string(properties.get("ConfigurationSetName")),
          Yamls.list(destination.get("MatchingEventTypes")).stream().map(t -> Yamls.string(t).toLowerCase(Locale.ROOT))
              .collect(Collectors.toUnmodifiableSet()),
          Yamls.string(sns.get("TopicARN"))));
    }
    this.destinations = List.copyOf(found);
    List<Subscription> subscribed = new ArrayList<>();
    for (SamTemplate.FunctionEvent event : template.eventsOfType("SNS")) {
      Map<String, Object> properties = Yamls.map(intrinsics.resolve(event.properties()));
      if (properties.containsKey("FilterPolicy")) {
        throw new StartFailure("The SNS event " + event.name() + " of " + event.functionId()
            + " has a FilterPolicy, which the local cloud does not apply; it would deliver what SNS filters out.");
      }
      subscribed.add(new Subscription(Yamls.string(properties.get("Topic")), event.functionId()));
    }
    for (SamTemplate.Resource resource : template.resourcesOfType("AWS::SNS::Subscription")) {
      Map<String, Object> properties = Yamls.map(intrinsics.resolve(resource.properties()));
      String endpoint = Yamls.string(properties.get("Endpoint"));
      if (!Yamls.string(properties.get("Protocol")).equals("lambda")) {
        System.out.println("Note: SNS subscription " + resource.logicalId() + " (" + Yamls.string(properties.get("Protocol"))
            + ") is not delivered locally; only lambda subscriptions are");
      } else if (properties.containsKey("FilterPolicy")) {
        throw new StartFailure("The SNS subscription " + resource.logicalId()
            + " has a FilterPolicy, which the local cloud does not apply; it would deliver what SNS filters out.");
      } else {
        subscribed.add(new Subscription(Yamls.string(properties.get("TopicArn")), endpoint.substring(endpoint.lastIndexOf(':') + 1)));
      }
    }
    this.subscriptions = List.copyOf(subscribed);
  }

  List<Destination> destinations() {
    return destinations;
  }

  List<Subscription> subscriptions() {
    return subscriptions;
  }

  @Override
  public void accept(SesFront.SentMail mail) {
    if (mail.configurationSet().isEmpty()) {
      return;
    }
    for (Destination destination : destinations) {
      if (!destination.configurationSet().equals(mail.configurationSet().get())) {
        continue;
      }
      for (String recipient : mail.destination()) {
        SesEvents.Simulation simulation = SesEvents.Simulation.of(recipient);
        if (simulation != SesEvents.Simulation.NONE && destination.eventTypes().contains(simulation.eventType)) {
          Instant now = Instant.now();
          publish(destination.topicArn(), SesEvents.record(mail, recipient, simulation, now).toString(), now,
              simulation.eventType + " of " + recipient);
        }
      }
    }
  }

  /** SNS's delivery of one message to every function subscribed to the topic. */
  private void publish(String topicArn, String message, Instant at, String what) {
    String topic = topicArn.substring(topicArn.lastIndexOf(':') + 1);
    List<Subscription> subscribers = subscriptions.stream().filter(s -> s.topicArn().equals(topicArn)).toList();
    System.out.printf("SES %s -> SNS %s (%d subscriber(s))%n", what, topic, subscribers.size());
    for (Subscription subscription : subscribers) {
      FunctionInvoker function = functions.invoker(subscription.function()).orElseThrow(() -> new IllegalStateException(
          "SNS topic " + topic + " names " + subscription.function() + ", which is not a function of the template"));
      byte[] event = SesEvents.snsEvent(topicArn, message, at).toString().getBytes(StandardCharsets.UTF_8);
      async.start(function, event, "SNS " + topic, "the notification is not delivered");
    }
  }
}
