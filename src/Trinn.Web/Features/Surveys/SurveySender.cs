using Microsoft.Extensions.Options;
using Trinn.Core.Background;
using Trinn.Core.Surveys;

namespace Trinn.Web.Features.Surveys;

/// <summary>
/// The background sender: every few seconds, on exactly one app instance (the <c>survey-mail</c> lease), it queues
/// due invitations and reminders and delivers the outbox. Without a mail server it still queues, and the outbox
/// page shows what waits.
/// </summary>
internal sealed partial class SurveySender(
    IServiceScopeFactory scopes, IOptions<SurveyOptions> options, IMailTransport transport, TimeProvider time, ILogger<SurveySender> logger)
    : BackgroundService
{
    public const string LeaseName = "survey-mail";

    private readonly string holder = JobLeases.NewHolderId();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SenderEnabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.SenderIntervalSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(scopes, transport, options.Value, time, holder, LeaseDuration(interval), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRoundFailed(logger, ex);
                }

                await Task.Delay(interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down (also when it came in the middle of a round).
        }
        finally
        {
            // Hand the lease over at once, so another instance need not wait for it to run out.
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
                await JobLeases.ReleaseAsync(db, LeaseName, holder, time.GetUtcNow().UtcDateTime, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The lease then runs out by itself.
                LogRoundFailed(logger, ex);
            }
        }
    }

    public static TimeSpan LeaseDuration(TimeSpan interval) => interval * 4 + TimeSpan.FromSeconds(30);

    /// <summary>One round: take the lease (or return), queue, deliver. Public for tests and the CLI-like callers.</summary>
    public static async Task<(bool Held, int Queued, int Sent)> RunOnceAsync(
        IServiceScopeFactory scopes, IMailTransport transport, SurveyOptions options, TimeProvider time, string holder, TimeSpan lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(options);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        if (!await JobLeases.TryAcquireAsync(db, LeaseName, holder, lease, now, ct))
        {
            return (false, 0, 0);
        }

        var today = NorwegianTime.Today(time);
        var queued = await SurveyOutbox.ScheduleAsync(db, today, now, ct);
        var sent = await SurveyOutbox.DeliverAsync(db, transport, options.LinkFor, today, now,
            keepLease: c => JobLeases.TryAcquireAsync(db, LeaseName, holder, lease, time.GetUtcNow().UtcDateTime, c), ct);
        return (true, queued, sent);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A survey sender round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
