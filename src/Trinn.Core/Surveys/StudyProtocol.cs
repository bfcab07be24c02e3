using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Common;
using Trinn.Core.Instruments.Shipped;
using Trinn.Core.Research;

namespace Trinn.Core.Surveys;

/// <summary>What happens to answers already given when a participant withdraws consent.</summary>
public enum WithdrawalPolicy
{
    /// <summary>Answers and scores given before the withdrawal stay in the study (the information letter must say so).</summary>
    Keep = 1,

    /// <summary>Answers and scores are deleted; the waves stay as "withdrawn" without content.</summary>
    Delete = 2,
}

/// <summary>
/// How a study runs its questionnaire: which instrument version, the waves (months after inclusion), the answer
/// window around each wave, reminders, what withdrawal does to data, and the e-mail texts. One per study, created
/// with defaults the first time it is needed (<see cref="CreateDefault"/>).
/// </summary>
public class StudyProtocol : IVersioned
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 4000;
    public const int MaxWaves = 12;
    public const int MaxOffsetMonths = 120;

    /// <summary>Placeholders in the e-mail texts: the personal link, the last day to answer, the study's name.</summary>
    public const string LinkPlaceholder = "{lenke}";
    public const string DeadlinePlaceholder = "{frist}";
    public const string StudyPlaceholder = "{studie}";

    public static readonly IReadOnlyList<int> DefaultOffsets = [0, 3, 12, 18];

    public int StudyId { get; private set; }

    public Study? Study { get; private set; }

    public string InstrumentKey { get; private set; } = ShippedInstruments.JobSeekerKey;

    public int InstrumentVersion { get; private set; } = 1;

    /// <summary>Months after inclusion, ascending, comma-separated ("0,3,12,18").</summary>
    public string WaveOffsets { get; private set; } = "0,3,12,18";

    public int WindowDaysBefore { get; private set; } = 7;

    public int WindowDaysAfter { get; private set; } = 30;

    /// <summary>Days after the invitation for the first reminder; null means no reminders.</summary>
    public int? FirstReminderDays { get; private set; } = 7;

    /// <summary>Days after the invitation for the second reminder; null means one reminder at most.</summary>
    public int? SecondReminderDays { get; private set; } = 14;

    public WithdrawalPolicy OnWithdrawal { get; private set; } = WithdrawalPolicy.Keep;

    public string InvitationSubject { get; private set; } = "Spørreskjema fra jobbspesialisten";

    public string InvitationBody { get; private set; } =
        "Hei!\n\nDu er med i studien «{studie}». Nå er det tid for et nytt spørreskjema. Det tar omtrent 15 minutter.\n\n" +
        "Svar her: {lenke}\n\nLenken er personlig og virker til og med {frist}. Du kan lagre og fortsette senere.\n\nHilsen jobbspesialistteamet";

    public string ReminderSubject { get; private set; } = "Påminnelse: spørreskjema fra jobbspesialisten";

    public string ReminderBody { get; private set; } =
        "Hei!\n\nVi minner om spørreskjemaet i studien «{studie}». Har du allerede svart, kan du se bort fra denne e-posten.\n\n" +
        "Svar her: {lenke}\n\nLenken virker til og med {frist}.\n\nHilsen jobbspesialistteamet";

    public long Version { get; set; }

    public static StudyProtocol CreateDefault(int studyId) => new() { StudyId = studyId };

    public IReadOnlyList<int> Offsets() =>
        WaveOffsets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();

    /// <summary>Changes the schedule and reminders. Offsets must be distinct, ascending from 0 or more; windows 0–365 days.</summary>
    public void ChangeSchedule(string? offsets, int windowBefore, int windowAfter, int? firstReminder, int? secondReminder, WithdrawalPolicy onWithdrawal)
    {
        var parsed = ParseOffsets(offsets);
        if (windowBefore is < 0 or > 365)
        {
            throw new DomainException(nameof(WindowDaysBefore), "Error_WindowDays");
        }

        if (windowAfter is < 1 or > 365)
        {
            throw new DomainException(nameof(WindowDaysAfter), "Error_WindowDays");
        }

        if (firstReminder is < 1 || firstReminder > windowBefore + windowAfter)
        {
            throw new DomainException(nameof(FirstReminderDays), "Error_ReminderDays");
        }

        if (secondReminder is not null && (firstReminder is null || secondReminder <= firstReminder || secondReminder > windowBefore + windowAfter))
        {
            throw new DomainException(nameof(SecondReminderDays), "Error_SecondReminderDays");
        }

        if (!Enum.IsDefined(onWithdrawal))
        {
            throw new DomainException(nameof(OnWithdrawal), "Error_Required");
        }

        WaveOffsets = string.Join(',', parsed.Select(o => o.ToString(CultureInfo.InvariantCulture)));
        (WindowDaysBefore, WindowDaysAfter, FirstReminderDays, SecondReminderDays, OnWithdrawal) = (windowBefore, windowAfter, firstReminder, secondReminder, onWithdrawal);
    }

    /// <summary>Changes the e-mail texts. Each body must contain the link placeholder, or the candidate could not answer.</summary>
    public void ChangeTexts(string? invitationSubject, string? invitationBody, string? reminderSubject, string? reminderBody)
    {
        InvitationSubject = Text(invitationSubject, SubjectMaxLength, nameof(InvitationSubject));
        InvitationBody = Body(invitationBody, nameof(InvitationBody));
        ReminderSubject = Text(reminderSubject, SubjectMaxLength, nameof(ReminderSubject));
        ReminderBody = Body(reminderBody, nameof(ReminderBody));
    }

    public void UseInstrument(string key, int version) => (InstrumentKey, InstrumentVersion) = (key, version);

    /// <summary>The study's text with the placeholders filled in.</summary>
    public static string Render(string template, string studyName, string link, DateOnly deadline)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template
            .Replace(StudyPlaceholder, studyName, StringComparison.Ordinal)
            .Replace(LinkPlaceholder, link, StringComparison.Ordinal)
            .Replace(DeadlinePlaceholder, deadline.ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("nb-NO")), StringComparison.Ordinal);
    }

    /// <summary>The waves for a participant included on <paramref name="inclusion"/>.</summary>
    public IReadOnlyList<WaveDates> Schedule(DateOnly inclusion) =>
        Offsets().Select((offset, i) => WaveDates.For(i + 1, offset, inclusion, WindowDaysBefore, WindowDaysAfter)).ToList();

    private static List<int> ParseOffsets(string? text)
    {
        var parts = (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var offsets = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var months) || months > MaxOffsetMonths)
            {
                throw new DomainException(nameof(WaveOffsets), "Error_WaveOffsets");
            }

            offsets.Add(months);
        }

        if (offsets.Count == 0 || offsets.Count > MaxWaves || offsets.Distinct().Count() != offsets.Count || !offsets.SequenceEqual(offsets.Order()))
        {
            throw new DomainException(nameof(WaveOffsets), "Error_WaveOffsets");
        }

        return offsets;
    }

    private static string Text(string? value, int max, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(field, "Error_Required");
        }

        return trimmed.Length > max ? throw new DomainException(field, "Error_TooLong") : trimmed;
    }

    private static string Body(string? value, string field)
    {
        var text = Text(value?.Replace("\r\n", "\n", StringComparison.Ordinal), BodyMaxLength, field);
        return text.Contains(LinkPlaceholder, StringComparison.Ordinal) ? text : throw new DomainException(field, "Error_BodyNeedsLink");
    }
}

/// <summary>
/// One wave's dates: the target date is inclusion + offset months (a month end stays a month end: 31 January + 1
/// month is 28 or 29 February, as <see cref="DateOnly.AddMonths"/> does), and the window runs from
/// <c>before</c> days before to <c>after</c> days after it, both ends included.
/// </summary>
public sealed record WaveDates(int Number, int OffsetMonths, DateOnly Target, DateOnly Opens, DateOnly Closes)
{
    public static WaveDates For(int number, int offsetMonths, DateOnly inclusion, int before, int after)
    {
        var target = inclusion.AddMonths(offsetMonths);
        return new WaveDates(number, offsetMonths, target, target.AddDays(-before), target.AddDays(after));
    }
}

/// <summary>A versioned information letter (informasjonsskriv) of a study; consent is given to one version.</summary>
public class InformationLetter
{
    public const int TextMaxLength = 20000;

    public int Id { get; private set; }

    public int StudyId { get; private set; }

    public int Number { get; private set; }

    public string Text { get; private set; } = "";

    public string CreatedById { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The next version of the study's letter: <paramref name="latest"/> + 1 (1 for the first).</summary>
    public static InformationLetter Create(int studyId, int? latest, string? text, string byUserId, DateTime nowUtc)
    {
        var trimmed = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(nameof(Text), "Error_Required");
        }

        if (trimmed.Length > TextMaxLength)
        {
            throw new DomainException(nameof(Text), "Error_TooLong");
        }

        return new InformationLetter { StudyId = studyId, Number = (latest ?? 0) + 1, Text = trimmed, CreatedById = byUserId, CreatedAtUtc = nowUtc };
    }
}

internal sealed class StudyProtocolConfiguration : IEntityTypeConfiguration<StudyProtocol>
{
    public void Configure(EntityTypeBuilder<StudyProtocol> builder)
    {
        builder.ToTable("StudyProtocols");
        builder.HasKey(p => p.StudyId);
        builder.HasOne(p => p.Study).WithOne().HasForeignKey<StudyProtocol>(p => p.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.InstrumentKey).HasMaxLength(64);
        builder.Property(p => p.WaveOffsets).HasMaxLength(100);
        builder.Property(p => p.InvitationSubject).HasMaxLength(StudyProtocol.SubjectMaxLength);
        builder.Property(p => p.ReminderSubject).HasMaxLength(StudyProtocol.SubjectMaxLength);
        builder.Property(p => p.InvitationBody).HasMaxLength(StudyProtocol.BodyMaxLength);
        builder.Property(p => p.ReminderBody).HasMaxLength(StudyProtocol.BodyMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class InformationLetterConfiguration : IEntityTypeConfiguration<InformationLetter>
{
    public void Configure(EntityTypeBuilder<InformationLetter> builder)
    {
        builder.ToTable("InformationLetters");
        builder.Property(l => l.Text).HasMaxLength(InformationLetter.TextMaxLength);
        builder.Property(l => l.CreatedById).HasMaxLength(450);
        builder.HasIndex(l => new { l.StudyId, l.Number }).IsUnique();
        builder.HasOne<Study>().WithMany().HasForeignKey(l => l.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
