package org.lianhu.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.lianhu.calendar.CountyTimeConnections;
import org.lianhu.stats.DatabaseIds;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/**
 * A mapper XML against a real database: MyBatis, Flyway and the county-time connection settings, no
 * engine and no web layer. Each test runs in a transaction that is rolled back. The database is the
 * profile's: a subclass picks H2 (profile {@code test}, with a URL of its own) or MariaDB.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({CountyTimeConnections.class, DatabaseIds.class})
public @interface MapperTest {}
