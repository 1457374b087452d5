/**
 * What tests need from outside, decided once per JVM: Testcontainers (MongoDB replica set, Kafka) when a Docker
 * engine answers, otherwise the same embedded parts the devstack runs. Tests never know which.
 */
package cn.minzheng.testsupport;
