// GET /api/v1/learn and /api/v1/learn/{id} (docs/openapi.yaml: LearnTopics, LearnTopic).

export type Urgency = 'emergency' | 'urgent' | 'consult';

export interface LearnSection {
  heading: string;
  text: string[];
  points: string[];
}

export interface LearnRule {
  id: string;
  urgency: Urgency | null;
  text: string;
  source: string[];
}

export interface LearnTopic {
  id: string;
  title: string;
  summary: string;
  sections: LearnSection[];
  rules: LearnRule[];
  exercises: { id: string; name: string }[];
  source: string[];
}

export interface LearnTopics {
  topics: LearnTopic[];
}
