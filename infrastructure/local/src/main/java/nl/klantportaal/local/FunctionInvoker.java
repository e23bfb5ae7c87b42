package nl.klantportaal.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one function in this JVM as the Java runtime would: the handler is built once through its
 * {@code (Map<String,String> environment)} constructor; JSON in and out goes through the runtime's own
 * serializers (aws-lambda-java-serialization); the function's Timeout is enforced.
 */
public final class FunctionInvoker {

  private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "lambda");
    thread.setDaemon(true);
    return thread;
  });

  private final LocalFunction function;
  private Object handler;
  private Type inputType;

  FunctionInvoker(LocalFunction function) {
    this.function = function;
  }

  public LocalFunction function() {
    return function;
  }

  public InvocationResult invoke(byte[] eventJson) {
    String requestId = UUID.randomUUID().toString();
    LocalContext context = LocalContext.start(function, requestId);
    Future<byte[]> run = EXECUTOR.submit(() -> handle(eventJson, context));
    try {
      return new InvocationResult.Success(requestId, run.get(function.timeout().toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      run.cancel(true);
      return new InvocationResult.Failure(requestId, "Sandbox.Timedout",
          "Task timed out after " + function.timeout().toSeconds() + " seconds");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      System.out.println("[" + function.name() + "] invocation " + requestId + " failed:");
      cause.printStackTrace(System.out);
      return new InvocationResult.Failure(requestId, cause.getClass().getName(), String.valueOf(cause.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.cancel(true);
      return new InvocationResult.Failure(requestId, "Interrupted", "The local cloud is stopping");
    }
  }

  public InvocationResult invoke(String eventJson) {
    return invoke(eventJson.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] handle(byte[] eventJson, LocalContext context) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // The SDK finds its HTTP client and interceptors through the context loader: the function's own.
    thread.setContextClassLoader(function.code().loader());
    try {
      return handleWithItsCode(eventJson, context);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private byte[] handleWithItsCode(byte[] eventJson, LocalContext context) throws Exception {
    Object instance = handler();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (instance) {
      case RequestStreamHandler stream -> stream.handleRequest(new ByteArrayInputStream(eventJson), out, context);
      case RequestHandler<?, ?> typed -> {
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> requestHandler = (RequestHandler<Object, Object>) typed;
        Object input = serializer(inputType, function.code().loader()).fromJson(new ByteArrayInputStream(eventJson));
        Object output = requestHandler.handleRequest(input, context);
        if (output == null) {
          out.write("null".getBytes(StandardCharsets.UTF_8));
        } else {
          serializer(output.getClass(), function.code().loader()).toJson(output, out);
        }
      }
      default -> throw new IllegalStateException(function.handlerClass() + " is neither a RequestHandler nor a RequestStreamHandler");
    }
    return out.toByteArray();
  }

  /** The handler instance, built on first use with the function's environment. */
  private synchronized Object handler() throws ReflectiveOperationException {
    if (handler == null) {
      Class<?> type = Class.forName(function.handlerClass(), true, function.code().loader());
      handler = type.getConstructor(Map.class).newInstance(function.environment());
      inputType = inputType(type).orElse(Object.class);
    }
    return handler;
  }

  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Type type, ClassLoader functionLoader) {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, functionLoader);
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }

  /** The I of {@code RequestHandler<I, O>} as declared by the handler class or one of its supertypes. */
  private static Optional<Type> inputType(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Type iface : c.getGenericInterfaces()) {
        if (iface instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
          Type argument = p.getActualTypeArguments()[0];
          if (argument instanceof Class<?> || argument instanceof ParameterizedType) {
            return Optional.of(argument);
          }
        }
      }
    }
    return Optional.empty();
  }
}
