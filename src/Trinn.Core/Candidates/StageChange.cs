namespace Trinn.Core.Candidates;

public class StageChange
{
    public int Id { get; set; }

    public int CandidateId { get; set; }

    public int? FromStage { get; set; }

    public int ToStage { get; set; }

    public DateOnly Date { get; set; }

    public required string Reason { get; set; }

    public required string ByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public bool IsBackward => FromStage is not null && ToStage < FromStage;
}
