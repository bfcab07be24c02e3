using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Common;

namespace Trinn.Core.Indicators;

/// <summary>
/// A target (måltall) for one indicator from a date. Targets change with each year's letter from the directorate, so a
/// change is a new row with its own valid-from date and source; rows are never edited, and the history stays. On a
/// given day the row with the latest valid-from date on or before it applies (the latest registered when two share a
/// date); before any row, the report's figures in <see cref="Defaults"/>.
/// </summary>
public class IndicatorTarget
{
    public const int SourceMaxLength = 300;

    public int Id { get; set; }

    public string Key { get; private set; } = "";

    public DateOnly ValidFrom { get; private set; }

    /// <summary>The target, or the lower end of a band.</summary>
    public decimal Value { get; private set; }

    /// <summary>The upper end of a band (caseload 12–20); null for "at least" targets.</summary>
    public decimal? UpperValue { get; private set; }

    /// <summary>Where the target comes from, shown beside it ("Oppdragsbrev 2021 fra Arbeids- og velferdsdirektoratet").</summary>
    public string Source { get; private set; } = "";

    public string? CreatedById { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public const string ReportSource =
        "Arbeids- og velferdsdirektoratet (2019) og Kvalitetsveileder for jobbspesialister i NAV (Kathrud mfl. 2019), gjengitt i rapportens kapittel 1";

    /// <summary>The report's targets (chapter 1), in force until an admin registers another.</summary>
    public static readonly IReadOnlyList<IndicatorTarget> Defaults =
    [
        Default(IndicatorKeys.Caseload, 12, 20),
        Default(IndicatorKeys.WorkWithinYear, 65),
        Default(IndicatorKeys.DischargedToWork, 9),
        Default(IndicatorKeys.EmployerContacts, 6),
        Default(IndicatorKeys.OutOfOffice, 40),
    ];

    /// <summary>
    /// Registers a target from a date. Rules: an indicator that takes a target; a value in the indicator's range
    /// (percent 0–100, otherwise 0–1000); an upper value only for a band, not below the lower; a source (at most 300 characters).
    /// </summary>
    public static IndicatorTarget Create(string? key, DateOnly? validFrom, decimal? value, decimal? upper, string? source, string createdById, DateTime nowUtc)
    {
        if (!IndicatorKeys.TryGet(key, out var definition) || definition.Target is not { } kind)
        {
            throw new DomainException(nameof(Key), "Error_Required");
        }

        if (validFrom is not { } from)
        {
            throw new DomainException(nameof(ValidFrom), "Error_Required");
        }

        var max = definition.Unit == IndicatorUnit.Percent ? 100m : 1000m;
        if (value is not { } v || v < 0 || v > max)
        {
            throw new DomainException(nameof(Value), definition.Unit == IndicatorUnit.Percent ? "Error_TargetPercent" : "Error_TargetValue");
        }

        if (kind == TargetKind.Band)
        {
            if (upper is not { } u || u < v || u > max)
            {
                throw new DomainException(nameof(UpperValue), "Error_TargetUpper");
            }
        }
        else if (upper is not null)
        {
            throw new DomainException(nameof(UpperValue), "Error_TargetNoUpper");
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw new DomainException(nameof(Source), "Error_Required");
        }

        if (source.Length > SourceMaxLength)
        {
            throw new DomainException(nameof(Source), "Error_TooLong");
        }

        return new IndicatorTarget
        {
            Key = definition.Key,
            ValidFrom = from,
            Value = v,
            UpperValue = upper,
            Source = source.Trim(),
            CreatedById = createdById,
            CreatedAtUtc = nowUtc,
        };
    }

    /// <summary>The target in force for <paramref name="key"/> on <paramref name="day"/>, from registered rows or the defaults; null when the indicator has none.</summary>
    public static IndicatorTarget? InEffect(IEnumerable<IndicatorTarget> registered, string key, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(registered);
        return registered.Where(t => t.Key == key && t.ValidFrom <= day)
                   .OrderByDescending(t => t.ValidFrom).ThenByDescending(t => t.CreatedAtUtc).ThenByDescending(t => t.Id)
                   .FirstOrDefault()
               ?? Defaults.FirstOrDefault(t => t.Key == key);
    }

    /// <summary>Whether a value meets the target: at least the value, or inside the band.</summary>
    public bool IsMet(decimal value) => UpperValue is { } upper ? value >= Value && value <= upper : value >= Value;

    private static IndicatorTarget Default(string key, decimal value, decimal? upper = null) => new()
    {
        Key = key,
        ValidFrom = DateOnly.MinValue,
        Value = value,
        UpperValue = upper,
        Source = ReportSource,
    };
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(60);
        builder.Property(t => t.ValidFrom);
        builder.Property(t => t.Value).HasPrecision(8, 2);
        builder.Property(t => t.UpperValue).HasPrecision(8, 2);
        builder.Property(t => t.Source).HasMaxLength(IndicatorTarget.SourceMaxLength);
        builder.Property(t => t.CreatedById).HasMaxLength(450);
        builder.Property(t => t.CreatedAtUtc);
        builder.HasOne<Identity.TrinnUser>().WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => new { t.Key, t.ValidFrom });
    }
}
