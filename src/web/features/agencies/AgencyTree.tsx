// "Cây đơn vị": the units level by level (a level loads when opened), inactive ones greyed out, a
// change planned for a later date beside the unit ("Dự kiến đổi tên thành … từ 01/01/2027").
import { Empty, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo } from 'react';
import { plannedText } from './labels';
import { ROOT, type AgencyTreeState } from './useAgencyTree';

export function AgencyTree({ tree }: { tree: AgencyTreeState }) {
  const { nodes, children } = tree;
  const treeData = useMemo(() => {
    const build = (parent: string): TreeDataNode[] =>
      (children[parent] ?? []).map((id) => {
        const n = nodes[id]!;
        const inactive = n.status !== 'active';
        return {
          key: id,
          isLeaf: n.childCount === 0,
          title: (
            <span style={inactive ? { color: '#8c8c8c' } : undefined}>
              <Typography.Text type="secondary" style={{ fontFamily: 'monospace', marginRight: 6 }}>
                {n.code}
              </Typography.Text>
              {n.name}
              {inactive && (
                <Tag style={{ marginLeft: 6, whiteSpace: 'normal' }} color={n.successor ? 'orange' : undefined}>
                  {n.successor ? `Đã sáp nhập vào ${n.successor.name}` : 'Ngừng hoạt động'}
                </Tag>
              )}
              {n.planned && (
                <Tag style={{ marginLeft: 6, whiteSpace: 'normal' }} color="blue">
                  {plannedText(n.planned)}
                </Tag>
              )}
            </span>
          ),
          children: children[id] ? build(id) : undefined,
        };
      });
    return build(ROOT);
  }, [children, nodes]);

  if (treeData.length === 0) return <Empty description="Chưa có đơn vị." />;
  return (
    <Tree
      ref={tree.treeRef as never}
      aria-label="Cây đơn vị"
      treeData={treeData}
      height={620}
      // No expand animation: a revealed unit must be in the list at once to scroll to it.
      motion={false}
      blockNode
      expandedKeys={tree.expanded}
      onExpand={(keys) => tree.setExpanded(keys as string[])}
      selectedKeys={tree.selected ? [tree.selected] : []}
      onSelect={(keys) => keys[0] && tree.setSelected(String(keys[0]))}
      loadData={(node) => tree.load(String(node.key))}
    />
  );
}
