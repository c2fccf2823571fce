package io.backon.spring.boot.autoconfigure;

import io.backon.spring.boot.autoconfigure.beans.AsyncService;
import io.backon.spring.boot.autoconfigure.beans.ClassLevelService;
import io.backon.spring.boot.autoconfigure.beans.SyncService;
import io.backon.spring.boot.autoconfigure.beans.TransactionalService;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application the @SpringBootTest tests start: annotated beans plus an embedded H2. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {

  @Bean
  SyncService syncService() {
    return new SyncService();
  }

  @Bean
  ClassLevelService classLevelService() {
    return new ClassLevelService();
  }

  @Bean
  AsyncService asyncService() {
    return new AsyncService();
  }

  @Bean
  TransactionalService transactionalService(JdbcTemplate jdbc) {
    jdbc.execute("create table if not exists orders(id identity primary key, name varchar(50))");
    return new TransactionalService(jdbc);
  }
}
