package nl.klantportaal.notifications.domain;

import nl.klantportaal.ticketing.domain.AuthorSide;
import nl.klantportaal.ticketing.domain.TicketStatus;
import static nl.klantportaal.notifications.domain.NotificationFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klantportaal.core.claims.TenantId;
import nl.klantportaal.core.claims.UserId;
import nl.klantportaal.accounts.identity.domain.AccountSettings;
import nl.klantportaal.accounts.identity.domain.Membership;
import nl.klantportaal.accounts.identity.domain.UserProfile;
import nl.klantportaal.core.shared.domain.Language;
import org.junit.jupiter.api.Test;

class RecipientRulesTest {
  private final Map<UserId, UserProfile> profiles = new HashMap<>(Map.of(
      REPORTER, customer(REPORTER, Language.NL), INVOLVED, customer(INVOLVED, Language.DE),
      AGENT, staff(AGENT, Language.EN), ADMIN, staff(ADMIN, Language.NL)));

  private List<UserId> recipients(TicketChange change, TicketSnapshot ticket) {
    return RecipientRules.of(change, ticket, id -> Optional.ofNullable(profiles.get(id)),
        () -> List.of(profiles.get(AGENT), profiles.get(ADMIN))).stream().map(Recipient::id).toList();
  }

  private static TicketChange.PublicMessage message(String author, AuthorSide side) {
    return new TicketChange.PublicMessage("e1", ACME, 42, "m1", author, "Someone", side, "Hello");
  }

  @Test
  void aNewTicketGoesToTheInvolvedAndAllStaffButNotToTheReporterWhoCreatedIt() {
    var ticket = ticket(TicketStatus.NEW, REPORTER.value(), Optional.empty());
    assertEquals(List.of(INVOLVED, AGENT, ADMIN), recipients(new TicketChange.Created("e1", ticket), ticket));
  }

  @Test
  void aNewTicketWithAnAssigneeGoesToTheAssigneeOnlyOnTheProviderSide() {
    var ticket = ticket(TicketStatus.NEW, REPORTER.value(), Optional.of(ADMIN));
    assertEquals(List.of(INVOLVED, ADMIN), recipients(new TicketChange.Created("e1", ticket), ticket));
  }

  @Test
  void aServiceRequestAwaitingApprovalAsksTheCustomersActiveAdminsNotItsAuthorOrOthers() {
    UserId greta = new UserId("greta");
    UserId author = new UserId("author-admin");
    UserId gone = new UserId("gone-admin");
    UserId foreign = new UserId("foreign-admin");
    UserProfile gretaProfile = customer(greta, Language.DE).withMembership(new Membership.CustomerMember(ACME,
        nl.klantportaal.core.claims.Role.CUSTOMER_ADMIN), NOW);
    UserProfile authorProfile = customer(author, Language.NL).withMembership(new Membership.CustomerMember(ACME,
        nl.klantportaal.core.claims.Role.CUSTOMER_ADMIN), NOW);
    UserProfile goneProfile = customer(gone, Language.NL).withMembership(new Membership.Deactivated(Optional.of(ACME), NOW), NOW);
    UserProfile foreignProfile = customer(foreign, Language.NL).withMembership(new Membership.CustomerMember(
        new TenantId("other-co"), nl.klantportaal.core.claims.Role.CUSTOMER_ADMIN), NOW);
    List<UserProfile> members = List.of(profiles.get(REPORTER), gretaProfile, authorProfile, goneProfile, foreignProfile);
    var request = new TicketSnapshot(ACME, 42, "acme-fixture-42", "Teams-kanaal", "", TicketStatus.NEW, REPORTER,
        List.of(), Optional.empty(), author.value(), true);

    assertEquals(List.of(greta), RecipientRules.approvers(new TicketChange.Created("e1", request), request, () -> members)
        .stream().map(Recipient::id).toList());
    var noApproval = ticket(TicketStatus.NEW, REPORTER.value(), Optional.empty());
    assertEquals(List.of(), RecipientRules.approvers(new TicketChange.Created("e1", noApproval), noApproval, () -> members));
    assertEquals(List.of(), RecipientRules.approvers(new TicketChange.StatusChanged("e2", request, TicketStatus.NEW), request,
        () -> members), "asked once, when the request is created");
  }

  @Test
  void anApprovedRequestGoesToTheCustomerSideAndTheProviderSideNotToTheApprover() {
    var ticket = ticket(TicketStatus.NEW, "ilse-admin", Optional.empty());
    assertEquals(List.of(REPORTER, INVOLVED, AGENT, ADMIN), recipients(new TicketChange.Approved("e1", ticket), ticket));
    var assigned = ticket(TicketStatus.NEW, "ilse-admin", Optional.of(AGENT));
    assertEquals(List.of(REPORTER, INVOLVED, AGENT), recipients(new TicketChange.Approved("e1", assigned), assigned));
  }

  @Test
  void anAgentsReplyGoesToTheCustomerSideOnly() {
    var ticket = ticket(TicketStatus.OPEN, AGENT.value(), Optional.of(AGENT));
    assertEquals(List.of(REPORTER, INVOLVED), recipients(message(AGENT.value(), AuthorSide.PROVIDER), ticket));
  }

  @Test
  void aCustomersReplyGoesToTheOtherCustomerAndTheAssigneeNotToItsAuthor() {
    var ticket = ticket(TicketStatus.OPEN, AGENT.value(), Optional.of(AGENT));
    assertEquals(List.of(REPORTER, AGENT), recipients(message(INVOLVED.value(), AuthorSide.CUSTOMER), ticket));
  }

  @Test
  void aStatusChangeGoesToTheCustomerSideAndNeverToAgents() {
    var ticket = ticket(TicketStatus.RESOLVED, AGENT.value(), Optional.of(AGENT));
    assertEquals(List.of(REPORTER, INVOLVED), recipients(new TicketChange.StatusChanged("e1", ticket, TicketStatus.OPEN), ticket));
  }

  @Test
  void aStatusChangeWrittenWithAMessageIsAnnouncedByThatMessageAlone() {
    var ticket = ticket(TicketStatus.RESOLVED, AGENT.value(), Optional.of(AGENT));
    assertEquals(List.of(), recipients(new TicketChange.StatusChanged("e1", ticket, TicketStatus.OPEN, true), ticket));
    var solution = new TicketChange.PublicMessage("e2", ACME, 42, "m1", AGENT.value(), "Sem", AuthorSide.PROVIDER, "Opgelost",
        Optional.of(new TicketChange.StatusMove(TicketStatus.OPEN, TicketStatus.RESOLVED)));
    assertEquals(List.of(REPORTER, INVOLVED), recipients(solution, ticket));
  }

  @Test
  void deactivatedMissingOptedOutAndForeignProfilesAreSkipped() {
    var ticket = new TicketSnapshot(ACME, 42, "acme-fixture-42", "T", "", TicketStatus.RESOLVED, REPORTER,
        List.of(INVOLVED, new UserId("missing"), new UserId("foreign")), Optional.of(AGENT), "system");
    UserProfile reporter = profiles.get(REPORTER);
    profiles.put(REPORTER, reporter.withDetails(reporter.name(), reporter.language(), new AccountSettings(
        new AccountSettings.Notifications(true, false, true, true, true, true), AccountSettings.DEFAULT.dashboard()), NOW));
    profiles.put(INVOLVED, profiles.get(INVOLVED).withMembership(new Membership.Deactivated(Optional.of(ACME), NOW), NOW));
    profiles.put(new UserId("foreign"), new UserProfile(new UserId("foreign"), "x@other.example.test",
        new UserProfile.PersonName("F", "L", "X"), Language.NL, new Membership.CustomerMember(new TenantId("other-co"),
        nl.klantportaal.core.claims.Role.CUSTOMER_USER), true, AccountSettings.DEFAULT, NOW, NOW, 1));
    assertEquals(List.of(), recipients(new TicketChange.StatusChanged("e1", ticket, TicketStatus.OPEN), ticket));
  }

  @Test
  void theGlobalSwitchSilencesTicketMailToo() {
    var ticket = ticket(TicketStatus.CLOSED, "system", Optional.empty());
    UserProfile reporter = profiles.get(REPORTER);
    profiles.put(REPORTER, reporter.withDetails(reporter.name(), reporter.language(), new AccountSettings(
        new AccountSettings.Notifications(false, true, true, true, true, true), AccountSettings.DEFAULT.dashboard()), NOW));
    assertEquals(List.of(INVOLVED), recipients(new TicketChange.StatusChanged("e1", ticket, TicketStatus.RESOLVED), ticket));
  }

  @Test
  void someoneReporterAndInvolvedAtOnceIsMailedOnce() {
    var ticket = new TicketSnapshot(ACME, 42, "acme-fixture-42", "T", "", TicketStatus.OPEN, REPORTER, List.of(REPORTER),
        Optional.empty(), AGENT.value());
    assertEquals(List.of(REPORTER), recipients(new TicketChange.StatusChanged("e1", ticket, TicketStatus.NEW), ticket));
  }
}
