/**
 * A passage giving a forecast: someone projected, forecast or predicted a figure, or expects it ("is
 * expected to report", "analysts expect"). Not "than expected" or "expectations", which measure what was
 * reported against a forecast.
 */
export const FORECAST =
  /\b(?:projected|projects|projecting|forecasts?|forecasting|predicted|predicts|predicting|anticipates|(?:is|are|was|were)\s+expected\s+to|expects?\s+(?:to|that|the|a|an)|will|would|should)\b/iu;
