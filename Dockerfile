# briefbot: one static binary, run as a non-root user, data folder as a volume.
#   docker build -t briefbot .
#   docker run --rm -v briefbot-data:/data briefbot ask "Who supplies Kazakhstan with drones?"
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The same build line runs in .ci/run (a test keeps the two equal).
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/briefbot ./cmd/briefbot
RUN mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/briefbot /usr/local/bin/briefbot
COPY --from=build --chown=65532:65532 /out/data /data
ENV BRIEFBOT_DATA=/data
# serve listens on every interface inside the container; publish the port
# with -p 8080:8080 (Slack Events API, Discord interactions, /metrics).
ENV BRIEFBOT_LISTEN=0.0.0.0:8080
EXPOSE 8080
VOLUME ["/data"]
USER 65532:65532
# No shell or curl in the image: the binary checks itself (GET /healthz).
HEALTHCHECK --interval=30s --timeout=5s --start-period=2m --retries=3 CMD ["/usr/local/bin/briefbot", "health"]
ENTRYPOINT ["/usr/local/bin/briefbot"]
CMD ["help"]
