namespace Trinn.Web.Features.Candidates;

/// <summary>
/// Marker for the texts of the team's way of working on the candidate pages (Resources/Features/Candidates/PracticeResource.resx):
/// journal corrections, cooperation with the NAV-veileder and health services, discharge handover and taking back.
/// </summary>
public sealed class PracticeResource;
