using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Common;

namespace Trinn.Core.TimeLog;

public enum AbsenceKind
{
    Holiday = 1,
    SickLeave = 2,
    Leave = 3,
    Other = 4,
}

/// <summary>
/// Registered absence (ferie, sykefravær, permisjon): days that are not working time. The out-of-office share and
/// the employer-contact average are measured against working time, so absence lowers the denominator instead of
/// counting as time in the office. <see cref="Percent"/> is the share of the day's working time (a 50 % sick leave).
/// </summary>
public class Absence
{
    public const int MaxDays = 366;

    public int Id { get; set; }

    public required string UserId { get; set; }

    public DateOnly From { get; private set; }

    /// <summary>Last day, inclusive.</summary>
    public DateOnly To { get; private set; }

    public int Percent { get; private set; }

    public AbsenceKind Kind { get; private set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// Registers absence. Rules: both dates; the last day not before the first; at most a year in one entry and at most
    /// a year ahead (planned holiday is fine); 1–100 %; a kind.
    /// </summary>
    public static Absence Create(string userId, DateOnly? from, DateOnly? to, int? percent, AbsenceKind? kind, DateOnly today, DateTime nowUtc)
    {
        if (from is not { } first)
        {
            throw new DomainException(nameof(From), "Error_Required");
        }

        if (to is not { } last)
        {
            throw new DomainException(nameof(To), "Error_Required");
        }

        if (last < first)
        {
            throw new DomainException(nameof(To), "Error_EndBeforeStart");
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            throw new DomainException(nameof(To), "Error_AbsenceTooLong");
        }

        if (last > today.AddYears(1))
        {
            throw new DomainException(nameof(To), "Error_AbsenceTooFarAhead");
        }

        if (percent is not { } p || p is < 1 or > 100)
        {
            throw new DomainException(nameof(Percent), "Error_Percent");
        }

        if (kind is not { } k || !Enum.IsDefined(k))
        {
            throw new DomainException(nameof(Kind), "Error_Required");
        }

        return new Absence { UserId = userId, From = first, To = last, Percent = p, Kind = k, CreatedAtUtc = nowUtc };
    }
}

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<Absence>
{
    public void Configure(EntityTypeBuilder<Absence> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.From);
        builder.Property(a => a.To);
        builder.Property(a => a.Percent);
        builder.Property(a => a.Kind);
        builder.HasOne<Identity.TrinnUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.UserId, a.From });
    }
}
