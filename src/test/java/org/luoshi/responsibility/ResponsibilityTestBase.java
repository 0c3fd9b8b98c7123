package org.luoshi.responsibility;

import org.junit.jupiter.api.BeforeEach;
import org.luoshi.TestUsers;
import org.luoshi.account.AccessTokenService;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.PersonService;
import org.luoshi.org.PostService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

abstract class ResponsibilityTestBase {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnitService units;

    @Autowired
    PostService posts;

    @Autowired
    PersonService people;

    @Autowired
    AccessTokenService tokens;

    static Fixtures sharedFixtures;

    Fixtures fx;

    @BeforeEach
    void fixtures() {
        if (sharedFixtures == null) {
            sharedFixtures = new Fixtures(units, posts, people, users, tokens);
        }
        fx = sharedFixtures;
    }

    RequestPostProcessor as(String username) {
        return TestUsers.as(users, username);
    }
}
