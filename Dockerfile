# One image recipe for every deployable: docker compose passes MODULE (gateway, assistance-service, ...).
FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
# mdep.skip: the devstack's Keycloak download is for local runs only, never for an image.
RUN ./mvnw -B -q -DskipTests -Dmdep.skip=true package -pl "${MODULE}" -am

FROM eclipse-temurin:21-jre
ARG MODULE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 minzheng
COPY --from=build /src/${MODULE}/target/${MODULE}-*-exec.jar /app/app.jar
USER minzheng
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
