namespace Trinn.Core.Candidates;

public class JournalNote
{
    public const int TextMaxLength = 4000;
    public const int MaxDurationMinutes = 24 * 60;

    public int Id { get; set; }

    public int CandidateId { get; set; }

    public Candidate? Candidate { get; set; }

    public required string AuthorId { get; set; }

    public DateOnly Date { get; set; }

    public JournalKind Kind { get; set; }

    public WorkPlace Place { get; set; }

    public int DurationMinutes { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
