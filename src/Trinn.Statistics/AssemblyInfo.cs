namespace Trinn.Statistics;
