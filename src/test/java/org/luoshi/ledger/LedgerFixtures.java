package org.luoshi.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.luoshi.account.SignedInUser;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Fixtures of the ledger tests: fresh units (so that counts are the test's own), people, commands. */
@Component
class LedgerFixtures {

    static final LocalDate TODAY = org.luoshi.TestClock.today();

    final OrgUnitService units;
    final PersonService people;
    final UserDetailsService users;

    LedgerFixtures(OrgUnitService units, PersonService people, UserDetailsService users) {
        this.units = units;
        this.people = people;
        this.users = users;
    }

    DataScope scope(String username) {
        return ((SignedInUser) users.loadUserByUsername(username)).scope();
    }

    OrgUnit township(String name) {
        return units.ofKind(units.systemScope("test"), OrgUnitKind.TOWNSHIP).stream().filter(u -> u.getName().equals(name))
                .findFirst().orElseThrow();
    }

    OrgUnit village(String name) {
        return units.ofKind(units.systemScope("test"), OrgUnitKind.VILLAGE).stream().filter(u -> u.getName().equals(name))
                .findFirst().orElseThrow();
    }

    /** A new village of the township with a unique name, so that a test's records are its own. */
    OrgUnit freshVillage(String township) {
        return units.create(units.systemScope("test"), new OrgUnitCommand(township(township).getId(), OrgUnitKind.VILLAGE,
                "测试村" + UUID.randomUUID().toString().substring(0, 8), null, null, 99));
    }

    Person person(long unitId) {
        return people.create(units.systemScope("test"), unitId, "测试" + UUID.randomUUID().toString().substring(0, 4), null, null, null);
    }

    static RecordCommand directive(long unitId, String number) {
        return new RecordCommand(unitId, TODAY.minusDays(3), null, "关于做好宣传思想工作的通知", null, List.of("文件"),
                Map.of("issuer", "青禾县委办公室", "docNumber", number, "requirements", "按要求组织传达学习"), List.of());
    }

    static RecordCommand media(long unitId, LocalDate on, String level, int count) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("outlet", "青禾日报");
        fields.put("level", level);
        fields.put("medium", "PRINT");
        fields.put("articleCount", count);
        return new RecordCommand(unitId, on, null, "稿件" + UUID.randomUUID().toString().substring(0, 6), null, List.of(),
                fields, List.of());
    }

    static RecordCommand study(long unitId, LocalDate on, List<AttendanceEntry> attendance) {
        return new RecordCommand(unitId, on, null, "中心组学习", null, List.of(),
                Map.of("subKind", "CENTRAL_GROUP", "topic", "学习党的创新理论"), attendance);
    }
}
