import type { Migration } from './types'

/**
 * How the villagers' committee ballots came in, as the 选举结果报告单 asks: how many voters voted by
 * written proxy (委托投票) and how many through the mobile ballot boxes (流动票箱). Both are among those who
 * voted (收回选票), so neither, nor their sum, may exceed it. Results entered before this step keep every
 * row; their two counts stay empty until the clerk enters them (the form leaves those fields blank).
 */
export const migration010: Migration = {
  version: 10,
  name: '选举结果登记委托投票和流动票箱投票人数',
  up: `
    ALTER TABLE elections ADD COLUMN proxy_votes INTEGER CHECK (proxy_votes IS NULL OR proxy_votes BETWEEN 0 AND returned);
    ALTER TABLE elections ADD COLUMN mobile_votes INTEGER CHECK (mobile_votes IS NULL OR mobile_votes BETWEEN 0 AND returned);
  `
}
