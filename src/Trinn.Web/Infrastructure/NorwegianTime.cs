using System.Globalization;
using Trinn.Core.Common;

namespace Trinn.Web.Infrastructure;

/// <summary>Times are stored in UTC and shown in Norwegian time; dates are shown as dates.</summary>
public static class NorwegianTime
{
    private static readonly TimeZoneInfo Oslo = NorwegianDate.Oslo;
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Oslo);

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return NorwegianDate.Of(time.GetUtcNow().UtcDateTime);
    }

    /// <summary>The UTC instant a Norwegian calendar day ends (the next day's midnight in Oslo); the far future for the last representable day.</summary>
    public static DateTime EndOfDayUtc(DateOnly date) =>
        date >= DateOnly.MaxValue.AddDays(-1)
            ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date.AddDays(1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Oslo);

    public static string Format(DateTime utc) => ToLocal(utc).ToString("dd.MM.yyyy 'kl.' HH:mm", Nb);

    public static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", Nb);

    public static string Format(DateOnly? date) => date is { } d ? Format(d) : "–";
}
