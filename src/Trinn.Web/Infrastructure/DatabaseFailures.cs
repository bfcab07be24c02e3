using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Trinn.Web.Infrastructure;

/// <summary>What kept the database from answering: the server is away (restart, network), or the disk is full.</summary>
public enum DatabaseFailure
{
    Unavailable,
    Full,
}

/// <summary>
/// Requests that fail because the database is away or full get 503 with a Norwegian explanation (the error page, or
/// problem details under /api) and Retry-After, never a stack trace; everything else stays a plain 500. Nothing
/// needs resetting when the database is back: the next request opens a fresh connection.
/// </summary>
internal static partial class DatabaseFailures
{
    public const int RetryAfterSeconds = 5;

    /// <summary>SQLite's result code for a full database or disk (SQLITE_FULL).</summary>
    private const int SqliteFull = 13;

    public static WebApplicationBuilder AddTrinnDatabaseFailures(this WebApplicationBuilder builder)
    {
        builder.Services.AddExceptionHandler<ApiHandler>();
        return builder;
    }

    /// <summary>The exception handler: the Norwegian error page for pages (503 for database failures), problem details for the API.</summary>
    public static IApplicationBuilder UseTrinnExceptionHandler(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = ex => Classify(ex) is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable,
        });

    public static DatabaseFailure? Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteFull }:
                    return DatabaseFailure.Full;
                case SqliteException { SqliteErrorCode: 5 or 6 }: // busy, locked: another writer held it past the timeout
                    return DatabaseFailure.Unavailable;
                case PostgresException { SqlState: "53100" }: // disk_full
                    return DatabaseFailure.Full;
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal):
                    return DatabaseFailure.Unavailable; // connection exceptions; admin shutdown, crash shutdown, cannot connect now
                case PostgresException pg when pg.SqlState.StartsWith("53", StringComparison.Ordinal) || pg.SqlState.StartsWith("58", StringComparison.Ordinal):
                    return DatabaseFailure.Unavailable; // too many connections (the rush after a restart), out of memory; system and I/O errors
                case PostgresException { IsTransient: true }:
                    return DatabaseFailure.Unavailable; // what Npgsql calls transient, e.g. a serialization failure or deadlock: try again
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException or EndOfStreamException }:
                case NpgsqlException { IsTransient: true } when e is not PostgresException:
                    return DatabaseFailure.Unavailable;
                case DbException when e.InnerException is SocketException:
                    return DatabaseFailure.Unavailable;
                default:
                    break;
            }
        }

        return null;
    }

    /// <summary>The Norwegian text for a failure, from the shared resources.</summary>
    public static string Message(IStringLocalizer<SharedResource> t, DatabaseFailure failure) =>
        failure == DatabaseFailure.Full ? t["Error_DatabaseFull"] : t["Error_DatabaseUnavailable"];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database {Failure} during {Method} {Path}: answered 503")]
    private static partial void LogDatabaseFailure(ILogger logger, DatabaseFailure failure, string method, PathString path);

    /// <summary>Under /api: problem details (503 for database failures, 500 otherwise); pages fall through to the error page.</summary>
    private sealed class ApiHandler(IStringLocalizer<SharedResource> t, ILogger<ApiHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            // The middleware has already pointed Request.Path at the error page; the feature keeps the original.
            var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value);
            var failure = Classify(exception);
            if (failure is { } f)
            {
                LogDatabaseFailure(logger, f, httpContext.Request.Method, path);
                httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (!path.StartsWithSegments("/api"))
            {
                return false;
            }

            var problem = failure is { } known
                ? TypedResults.Problem(Message(t, known), statusCode: StatusCodes.Status503ServiceUnavailable, title: t["Error_ServiceUnavailableTitle"])
                : TypedResults.Problem(t["Error_Text"], statusCode: StatusCodes.Status500InternalServerError, title: t["Error_Title"]);
            await problem.ExecuteAsync(httpContext);
            return true;
        }
    }
}
