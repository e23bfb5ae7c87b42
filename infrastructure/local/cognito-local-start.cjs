// Starts cognito-local 5.3.0 as its own bin/start.js does, but logs synchronously and without
// colours: its log file (.local/logs/cognito-local.log) is where sign-up codes are read, and
// pino-pretty's default asynchronous destination could hold a code back for seconds.
const pino = require("pino");
const pretty = require("pino-pretty");
const { createDefaultServer } = require("cognito-local/lib/server");

const logger = pino(
  { level: process.env.DEBUG ? "debug" : "info" },
  pretty({
    colorize: false,
    sync: true,
    ignore: "pid,name,hostname",
    singleLine: true,
    translateTime: "SYS:standard",
    messageFormat: (log, messageKey) => `${log.reqId ?? "NONE"} ${log.target ?? "NONE"} ${log[messageKey]}`,
  }),
);

createDefaultServer(logger)
  .then((server) => server.start())
  .then((server) => {
    const address = server.address();
    if (!address) {
      throw new Error("Server started without address");
    }
    const url = typeof address === "string" ? address : `${address.address}:${address.port}`;
    logger.info(`Cognito Local running on http://${url}`);
  })
  .catch((err) => {
    logger.error(err);
    process.exit(1);
  });
