package org.luoshi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LuoshiApplication {

    public static void main(String[] args) {
        SpringApplication.run(LuoshiApplication.class, args);
    }
}
