using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Common;

namespace Trinn.Core.Surveys;

public enum OutboxKind
{
    Invitation = 1,
    Reminder = 2,
}

public enum OutboxStatus
{
    /// <summary>Waiting for the sender (also while no mail server is configured, and between retries).</summary>
    Pending = 1,
    Sent = 2,

    /// <summary>Gave up after <see cref="OutboxMessage.MaxAttempts"/> failed attempts; shown to staff.</summary>
    Failed = 3,

    /// <summary>Not needed any more: answered, withdrawn or the window closed before it went out.</summary>
    Cancelled = 4,
}

/// <summary>
/// A message waiting to be sent (the outbox pattern): the scheduler writes rows, the background sender delivers
/// them. The row holds no link: the personal token is made when the message is actually sent, so the outbox never
/// contains a working link. Failed attempts are retried with growing delays (<see cref="Backoff"/>).
/// </summary>
public class OutboxMessage : IVersioned
{
    public const int AddressMaxLength = 320;
    public const int ErrorMaxLength = 500;
    public const int MaxAttempts = 6;

    public int Id { get; private set; }

    public OutboxKind Kind { get; private set; }

    public int? WaveId { get; private set; }

    public SurveyWave? Wave { get; private set; }

    /// <summary>1 or 2 for reminders, 0 for invitations: with the wave, it makes the message unique.</summary>
    public int Sequence { get; private set; }

    public string ToAddress { get; private set; } = "";

    public OutboxStatus Status { get; private set; } = OutboxStatus.Pending;

    public int Attempts { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <summary>The last failure, from the mail server (never the message text).</summary>
    public string? LastError { get; private set; }

    public long Version { get; set; }

    public static OutboxMessage ForWave(SurveyWave wave, OutboxKind kind, int sequence, string toAddress, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(wave);
        return new OutboxMessage
        {
            Kind = kind,
            WaveId = wave.Id,
            Sequence = sequence,
            ToAddress = toAddress,
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
        };
    }

    /// <summary>Delay before attempt n + 1 after n failures: 1, 5, 15, 60, 240 minutes.</summary>
    public static TimeSpan Backoff(int failures) => failures switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(15),
        4 => TimeSpan.FromMinutes(60),
        _ => TimeSpan.FromMinutes(240),
    };

    public void MarkSent(DateTime nowUtc)
    {
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAtUtc = nowUtc;
        LastError = null;
    }

    public void MarkFailed(string error, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(error);
        Attempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = OutboxStatus.Failed;
        }
        else
        {
            NextAttemptAtUtc = nowUtc + Backoff(Attempts);
        }
    }

    /// <summary>A failed message is tried again at once (admin's "send again").</summary>
    public void Retry(DateTime nowUtc)
    {
        if (Status == OutboxStatus.Failed)
        {
            Status = OutboxStatus.Pending;
            Attempts = 0;
        }

        NextAttemptAtUtc = nowUtc;
    }

    public void Cancel()
    {
        if (Status == OutboxStatus.Pending)
        {
            Status = OutboxStatus.Cancelled;
        }
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.AddressMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        builder.HasIndex(m => new { m.WaveId, m.Kind, m.Sequence }).IsUnique();
        builder.HasOne(m => m.Wave).WithMany().HasForeignKey(m => m.WaveId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}
