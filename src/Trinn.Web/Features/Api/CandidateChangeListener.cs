using Microsoft.Extensions.Options;
using Npgsql;

namespace Trinn.Web.Features.Api;

/// <summary>
/// On PostgreSQL, listens on <see cref="CandidateChanges.Channel"/> on a connection of its own (outside the pool, which
/// keeps no session state) and drops the changed candidates from <see cref="CandidateDocumentCache"/>. Runs on every app
/// instance. When the connection is lost the cache stops serving at once and tries again every few seconds; a
/// connection that has been quiet for <see cref="PingInterval"/> is checked with a round trip, so a silently dropped
/// network connection is noticed too.
/// </summary>
internal sealed partial class CandidateChangeListener(
    CandidateDocumentCache cache, IOptions<DatabaseOptions> options, IHostEnvironment environment, TimeProvider time,
    ILogger<CandidateChangeListener> logger)
    : BackgroundService
{
    /// <summary>How the listener's connection shows in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "trinn-candidate-changes";

    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var connectionString = ConnectionString(options.Value.ResolveConnectionString(environment.ContentRootPath));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenAsync(connectionString, stoppingToken);
                }
                catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
                {
                    cache.StopListening();
                    LogLost(logger, ex.GetType().Name);
                }

                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            cache.StopListening();
        }
    }

    /// <summary>
    /// The listener's own connection: outside the pool (<c>LISTEN</c> is session state, and pooled connections are not
    /// reset; SessionStateTests), named in <c>pg_stat_activity</c>.
    /// </summary>
    public static string ConnectionString(string configured) => new NpgsqlConnectionStringBuilder(configured)
    {
        Pooling = false,
        ApplicationName = ApplicationName,
    }.ConnectionString;

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) => cache.Drop(CandidateChanges.Parse(e.Payload));
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {CandidateChanges.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        cache.StartListening();
        try
        {
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            while (true)
            {
                if (!await connection.WaitAsync(PingInterval, ct))
                {
                    await ping.ExecuteScalarAsync(ct);
                }
            }
        }
        finally
        {
            cache.StopListening();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Candidate change listener lost its connection ({Error}); the candidate API reads the database until it listens again")]
    private static partial void LogLost(ILogger logger, string error);
}
